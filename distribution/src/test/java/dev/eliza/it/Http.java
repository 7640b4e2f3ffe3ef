package dev.eliza.it;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the tests: raw requests, JSON bodies parsed with Jackson. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformProcess platform;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiKey;

    Http(PlatformProcess platform) {
        this(platform, null);
    }

    Http(PlatformProcess platform, String apiKey) {
        this.platform = platform;
        this.apiKey = apiKey;
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply get(String path) throws Exception {
        return send(builder(path).GET());
    }

    Reply delete(String path) throws Exception {
        return send(builder(path).DELETE());
    }

    Reply json(String method, String path, String body) throws Exception {
        return send(builder(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply bytes(String method, String path, String contentType, byte[] body) throws Exception {
        return send(builder(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends {@code size} bytes with chunked transfer encoding (no {@code Content-Length}, so no early refusal). */
    Reply chunked(String method, String path, String contentType, long size) throws Exception {
        return send(builder(path).header("Content-Type", contentType).method(method,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.InputStream() {
                    private long left = size;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'x' : -1;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(length, left);
                        java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                        left -= n;
                        return n;
                    }
                })));
    }

    HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(platform.uri(path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            builder.header("X-API-KEY", apiKey);
        }
        return builder;
    }

    Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response);
    }
}
