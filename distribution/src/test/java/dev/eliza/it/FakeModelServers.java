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
 * One local HTTP server speaking, streamed, the chat protocols of OpenAI ({@code /v1/chat/completions}, SSE),
 * Anthropic ({@code /v1/messages}, SSE events) and Ollama ({@code /api/chat}, NDJSON); each answers
 * "{@code <provider> says hello}" in two pieces and records the path and authorization header it was called with.
 */
final class FakeModelServers implements AutoCloseable {
    /** What one call carried. */
    record Call(String path, String key, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    FakeModelServers() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, "text/event-stream",
                openAi("{\"role\":\"assistant\",\"content\":\"openai says \"}", "null"),
                openAi("{\"content\":\"hello\"}", "null"), openAi("{}", "\"stop\""), "data: [DONE]\n\n"));
        server.createContext("/v1/messages", exchange -> answer(exchange, "text/event-stream",
                anthropic("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m1\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"claude\",\"content\":[],\"stop_reason\":null,"
                        + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}"),
                anthropic("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                anthropicText("anthropic says "), anthropicText("hello"),
                anthropic("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                anthropic("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                        + "\"usage\":{\"output_tokens\":3}}"),
                anthropic("message_stop", "{\"type\":\"message_stop\"}")));
        server.createContext("/api/chat", exchange -> answer(exchange, "application/x-ndjson",
                ollama("ollama says ", false), ollama("hello", false), ollama("", true)));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return calls;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, String type, String... parts) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Authorization");
        if (key == null) {
            key = exchange.getRequestHeaders().getFirst("x-api-key");
        }
        calls.add(new Call(exchange.getRequestURI().getPath(), key,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String part : parts) {
                out.write(part.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    private static String openAi(String delta, String finish) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt\",\"choices\":[{"
                + "\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    private static String anthropic(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    private static String anthropicText(String text) {
        return anthropic("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}");
    }

    private static String ollama(String text, boolean done) {
        return "{\"model\":\"gemma\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"" + text + "\"},\"done\":" + done + (done ? ",\"done_reason\":\"stop\"" : "") + "}\n";
    }
}
