package dev.eliza.it;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Binary requests for {@code AudioIT}: JSON in, audio bytes out, and multipart uploads. */
final class AudioHttp {
    private final PlatformProcess platform;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AudioHttp(PlatformProcess platform) {
        this.platform = platform;
    }

    record Reply(int status, byte[] body, HttpResponse<byte[]> raw) {
        String type() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws Exception {
            return Http.JSON.readTree(body);
        }
    }

    Reply json(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(platform.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts {@code audio} as the form's {@code file} part of type {@code type}, with these text fields. */
    Reply upload(String path, String type, byte[] audio, Map<String, String> fields) throws Exception {
        return upload(path, type, audio, fields, Map.of());
    }

    /** {@link #upload(String, String, byte[], Map)} with extra request headers. */
    Reply upload(String path, String type, byte[] audio, Map<String, String> fields, Map<String, String> headers)
            throws Exception {
        String boundary = "audio-it-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clip.wav\""
                + "\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(audio);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.body(), response);
    }
}
