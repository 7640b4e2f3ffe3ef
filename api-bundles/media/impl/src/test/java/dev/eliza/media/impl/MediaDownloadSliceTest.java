package dev.eliza.media.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Downloads through Jetty's resource service: types, headers, ranges, validators, and every way out of the folder. */
class MediaDownloadSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    private MediaFixture f;
    private UUID agent;
    private UUID channel;

    @BeforeEach
    void setUp() throws Exception {
        f = new MediaFixture(folder.resolve("media"), 8L * 1024 * 1024);
        agent = f.owners.addAgent();
        channel = f.owners.addChannel();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private JsonNode upload(String scope, UUID owner, String name, String type, byte[] content) throws Exception {
        HttpTester.Response response = f.upload("/api/media/" + scope + "/" + owner + "/upload-media",
                new Multipart().file("file", name, type, content));
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(200);
        return JSON.readTree(response.getContent()).get("data");
    }

    @Test
    void anImageComesBackInlineWithItsStoredTypeAndValidators() throws Exception {
        JsonNode media = upload("agents", agent, "pixel.png", "image/png", MediaUploadSliceTest.PNG);
        HttpTester.Response response = f.get(media.get("url").asText(), Map.of());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentBytes()).isEqualTo(MediaUploadSliceTest.PNG);
        assertThat(response.get("Content-Type")).isEqualTo("image/png");
        assertThat(response.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.get("Content-Disposition")).startsWith("inline");
        assertThat(response.get("Accept-Ranges")).isEqualTo("bytes");
        String etag = response.get("ETag");
        assertThat(etag).isNotBlank();
        HttpTester.Response again = f.get(media.get("url").asText(), Map.of("If-None-Match", etag));
        assertThat(again.getStatus()).isEqualTo(304);
    }

    @Test
    void aChannelFileDownloadsAsAnAttachment() throws Exception {
        JsonNode media = upload("channels", channel, "note.txt", "text/plain", "hello, twenty bytes.".getBytes());
        HttpTester.Response response = f.get(media.get("url").asText(), Map.of());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContent()).isEqualTo("hello, twenty bytes.");
        assertThat(response.get("Content-Type")).startsWith("text/plain");
        assertThat(response.get("Content-Disposition")).isEqualTo("attachment; filename=\""
                + media.get("filename").asText() + "\"");
    }

    @Test
    void aRangeOfAVideoIs206WithJustThoseBytes() throws Exception {
        byte[] video = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(video);
        JsonNode media = upload("agents", agent, "clip.mp4", "video/mp4", video);
        HttpTester.Response whole = f.get(media.get("url").asText(), Map.of());
        assertThat(whole.getContentBytes()).isEqualTo(video);
        try (var in = f.library.open(f.library.find(UUID.fromString(media.get("id").asText())).orElseThrow())) {
            assertThat(in.readAllBytes()).isEqualTo(video);
        }
        HttpTester.Response part = f.get(media.get("url").asText(), Map.of("Range", "bytes=1000-1999"));
        assertThat(part.getStatus()).isEqualTo(206);
        assertThat(part.get("Content-Range")).isEqualTo("bytes 1000-1999/" + video.length);
        assertThat(part.getContentBytes()).isEqualTo(Arrays.copyOfRange(video, 1000, 2000));
        HttpTester.Response beyond = f.get(media.get("url").asText(), Map.of("Range", "bytes=9999999-"));
        assertThat(beyond.getStatus()).isEqualTo(416);
    }

    @Test
    void missingFilesAndBadIdsGetTheDownloadErrorBodies() throws Exception {
        HttpTester.Response bad = f.get("/media/uploads/agents/nope/x.png", Map.of());
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContent()).isEqualTo("{\"error\":\"Invalid agent ID format\"}");
        HttpTester.Response missing = f.get("/media/uploads/agents/" + agent + "/nothing.png", Map.of());
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContent()).isEqualTo("{\"error\":\"File not found\"}");
        assertThat(f.get("/media/uploads/agents/" + agent + "/1795452582264-000000001.png", Map.of()).getStatus())
                .isEqualTo(404);
        assertThat(f.get("/media/uploads/rooms/" + agent + "/x.png", Map.of()).getStatus()).isEqualTo(404);
        assertThat(f.get("/media/uploads/agents/" + agent, Map.of()).getStatus()).isEqualTo(404);
    }

    @Test
    void theOtherOwnersFileIsNotServed() throws Exception {
        JsonNode media = upload("agents", agent, "pixel.png", "image/png", MediaUploadSliceTest.PNG);
        UUID other = f.owners.addAgent();
        assertThat(f.get("/media/uploads/agents/" + other + "/" + media.get("filename").asText(), Map.of())
                .getStatus()).isEqualTo(404);
        assertThat(f.get("/media/uploads/channels/" + agent + "/" + media.get("filename").asText(), Map.of())
                .getStatus()).isEqualTo(404);
    }

    @Test
    void traversalIsRefused() throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "do not serve");
        Files.writeString(folder.resolve("media/uploads/plain.txt"), "not an upload");
        String base = "/media/uploads/agents/" + agent + "/";
        for (String path : new String[] {base + "../../../../secret.txt", base + "..%2f..%2f..%2fsecret.txt",
                base + "%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt", "/media/uploads/agents/%2e%2e/plain.txt",
                base + "%2Fetc%2Fpasswd", base + secret.toString(), "/media/uploads/../../secret.txt",
                "/media/uploads/plain.txt", base + "..\\..\\..\\secret.txt"}) {
            HttpTester.Response response = f.get(path, Map.of());
            assertThat(response.getStatus()).as(path).isIn(400, 404);
            assertThat(response.getContent()).as(path).doesNotContain("do not serve").doesNotContain("not an upload");
        }
    }

    @Test
    void aSymbolicLinkPlantedInPlaceOfAnUploadIsNotFollowed() throws Exception {
        JsonNode media = upload("agents", agent, "pixel.png", "image/png", MediaUploadSliceTest.PNG);
        Path stored = folder.resolve("media/uploads/agents/" + agent + "/" + media.get("filename").asText());
        Path secret = Files.writeString(folder.resolve("secret.txt"), "do not serve");
        Files.delete(stored);
        Files.createSymbolicLink(stored, secret);
        try (var in = f.library.open(f.library.find(UUID.fromString(media.get("id").asText())).orElseThrow())) {
            assertThat(in.readAllBytes()).as("the upload, made again from the database").isEqualTo(
                    MediaUploadSliceTest.PNG);
        }
        assertThat(stored).isRegularFile().hasBinaryContent(MediaUploadSliceTest.PNG);
        assertThat(secret).hasContent("do not serve");

        Path ownerDir = stored.getParent();
        Files.delete(stored);
        Files.delete(ownerDir);
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Path planted = Files.writeString(elsewhere.resolve(media.get("filename").asText()), "planted");
        Files.createSymbolicLink(ownerDir, elsewhere);
        HttpTester.Response linked = f.get(media.get("url").asText(), Map.of());
        assertThat(linked.getStatus()).isEqualTo(404);
        assertThat(linked.getContent()).doesNotContain("planted");
        assertThat(planted).as("nothing written through the link").hasContent("planted");
        try (var files = Files.list(elsewhere)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }
}
