package dev.eliza.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local server speaking OpenAI's {@code /v1/audio/speech} (canned MP3 bytes) and {@code /v1/audio/transcriptions}
 * (canned JSON), recording the paths and authorization it was asked with: what {@code AudioIT} points an agent's
 * {@code OPENAI_BASE_URL} at.
 */
final class AudioFakeOpenAi implements AutoCloseable {
    static final byte[] MP3 = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x44, 0x00, 0x00, 0x00, 0x00};
    static final String TRANSCRIPT = "transcribed by the fake whisper";

    final List<String> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    AudioFakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/audio/speech", e -> answer(e, "audio/mpeg", MP3));
        server.createContext("/v1/audio/transcriptions", e -> answer(e, "application/json",
                ("{\"text\":\"" + TRANSCRIPT + "\"}").getBytes(StandardCharsets.UTF_8)));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void answer(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        calls.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
