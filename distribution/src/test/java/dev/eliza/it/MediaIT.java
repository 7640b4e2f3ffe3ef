package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Media on the real platform with an API key set: uploads and downloads need the key (1.7.2 serves downloads to
 * anyone), a 5 MiB file comes back byte for byte and by range, channel downloads work (404 in 1.7.2), traversal
 * gets nowhere, and the real {@code @elizaos/api-client} {@code media} service uploads.
 */
class MediaIT {
    private static final String KEY = "media-it-key";
    private static final String SERVER = "00000000-0000-0000-0000-000000000000";

    @RegisterExtension
    static final PlatformExtension PLATFORM =
            new PlatformExtension(PlatformProcess.env("ELIZA_SERVER_AUTH_TOKEN", KEY), KEY);

    private static String agent(Http http) throws Exception {
        Http.Reply created = http.json("POST", "/api/agents", "{\"agent\":{\"name\":\"Archivist\",\"bio\":[\"Keeps files.\"]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/data/id").asText();
    }

    private static JsonNode upload(Http http, String path, String name, String type, byte[] content)
            throws Exception {
        Http.Reply reply = http.bytes("POST", path, MediaRaw.FORM, MediaRaw.form(name, type, content));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("data");
    }

    private static HttpResponse<byte[]> download(String url, String key, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(PLATFORM.process().uri(url)).GET();
        if (key != null) {
            request.header("X-API-KEY", key);
        }
        headers.forEach(request::header);
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aFiveMebibyteUploadComesBackWholeAndByRangeWithTheKeyOnly() throws Exception {
        Http http = PLATFORM.http();
        byte[] video = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(video);
        JsonNode media = upload(http, "/api/media/agents/" + agent(http) + "/upload-media", "clip.mp4", "video/mp4",
                video);
        assertThat(media.get("type").asText()).isEqualTo("video");
        assertThat(media.get("size").asLong()).isEqualTo(video.length);

        HttpResponse<byte[]> whole = download(media.get("url").asText(), KEY, Map.of());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(video);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(whole.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(whole.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");

        HttpResponse<byte[]> range = download(media.get("url").asText(), KEY, Map.of("Range", "bytes=4194304-"));
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(video, 4194304, video.length));

        HttpResponse<byte[]> refused = download(media.get("url").asText(), null, Map.of());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(new String(refused.body())).doesNotContain(new String(video, 0, 64));
        assertThat(download(media.get("url").asText(), "wrong-key", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void uploadsNeedTheKeyAndChannelFilesDownload() throws Exception {
        Http http = PLATFORM.http();
        String user = UUID.randomUUID().toString();
        Http.Reply channel = http.json("POST", "/api/messaging/channels", "{\"name\":\"files\",\"type\":\"GROUP\","
                + "\"message_server_id\":\"" + SERVER + "\",\"participantCentralUserIds\":[\"" + user + "\"]}");
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        String channelId = channel.json().at("/data/id").asText();
        byte[] note = "hello, twenty bytes.".getBytes();

        Http anonymous = new Http(PLATFORM.process());
        assertThat(anonymous.bytes("POST", "/api/media/channels/" + channelId + "/upload-media", MediaRaw.FORM,
                MediaRaw.form("note.txt", "text/plain", note)).status()).isEqualTo(401);

        JsonNode media = upload(http, "/api/messaging/channels/" + channelId + "/upload-media", "note.txt",
                "text/plain", note);
        assertThat(media.get("url").asText()).startsWith("/media/uploads/channels/" + channelId + "/");
        HttpResponse<byte[]> file = download(media.get("url").asText(), KEY, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(note);

        Http.Reply byId = http.get("/api/media/files/" + media.get("id").asText());
        assertThat(byId.json().at("/data/contentType").asText()).isEqualTo("text/plain");
        assertThat(http.delete("/api/media/files/" + media.get("id").asText()).status()).isEqualTo(204);
        assertThat(download(media.get("url").asText(), KEY, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void traversalGetsNowhereEvenWithTheKey() throws Exception {
        Http http = PLATFORM.http();
        String agentId = agent(http);
        upload(http, "/api/media/agents/" + agentId + "/upload-media", "a.txt", "text/plain", "x".getBytes());
        String base = "/media/uploads/agents/" + agentId + "/";
        for (String target : new String[] {base + "../../../../conf/platform.properties",
                base + "..%2f..%2f..%2f..%2fconf%2fplatform.properties",
                base + "%2e%2e/%2e%2e/%2e%2e/%2e%2e/conf/platform.properties",
                "/media/uploads/agents/%2e%2e/%2e%2e/%2e%2e/conf/platform.properties",
                base + "%2Fetc%2Fpasswd", "/media/uploads/..;/..;/conf/platform.properties",
                base + PLATFORM.home().resolve("conf/platform.properties")}) {
            Map.Entry<Integer, String> reply = MediaRaw.get(PLATFORM.process().port(), target, Map.of("X-API-KEY", KEY));
            assertThat(reply.getKey()).as(target).isIn(400, 404);
            assertThat(reply.getValue()).as(target).doesNotContain("MAX_BODY_BYTES").doesNotContain("root:");
        }
    }

    @Test
    void stoppingTheModuleTakesItsRoutesAwayAndStartingItServesTheSameFilesAgain() throws Exception {
        Http http = PLATFORM.http();
        String agentId = agent(http);
        JsonNode media = upload(http, "/api/media/agents/" + agentId + "/upload-media", "kept.txt", "text/plain",
                "kept across a module restart".getBytes());
        Http.Reply stopped = http.json("POST", "/api/server/modules/media/stop", "");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(http.bytes("POST", "/api/media/agents/" + agentId + "/upload-media", MediaRaw.FORM,
                MediaRaw.form("a.txt", "text/plain", "x".getBytes())).status()).isEqualTo(404);
        assertThat(download(media.get("url").asText(), KEY, Map.of()).statusCode()).isEqualTo(404);
        Http.Reply started = http.json("POST", "/api/server/modules/media/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        HttpResponse<byte[]> again = download(media.get("url").asText(), KEY, Map.of());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(new String(again.body())).isEqualTo("kept across a module restart");
    }

    @Test
    void theApiClientsMediaServiceUploads() throws Exception {
        NodeTests.Result result = NodeTests.run("media.test.mjs", Map.of("BASE_URL",
                PLATFORM.process().uri("").toString(), "API_KEY", KEY));
        System.out.println(result.output());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ℹ fail 0");
    }
}
