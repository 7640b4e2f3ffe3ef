package dev.eliza.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bare Engine.IO v4 client over {@code java.net.http}, speaking the wire format directly so that tests can
 * also break the protocol: polling requests of any shape, and a WebSocket that answers pings and queues the
 * text frames it receives.
 */
final class EngineIoClient {
    private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    EngineIoClient(int port) {
        this.port = port;
    }

    URI uri(String scheme, String query) {
        return URI.create(scheme + "://127.0.0.1:" + port + "/socket.io/" + (query == null ? "" : "?" + query));
    }

    HttpResponse<String> send(String method, String query, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("http", query)).timeout(Duration.ofSeconds(20))
                .method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String query) throws Exception {
        return send("GET", query, HttpRequest.BodyPublishers.noBody());
    }

    HttpResponse<String> post(String sid, String body) throws Exception {
        return send("POST", "EIO=4&transport=polling&sid=" + sid, HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> poll(String sid) throws Exception {
        return get("EIO=4&transport=polling&sid=" + sid);
    }

    /** A polling handshake; returns the session id. */
    String handshake() throws Exception {
        HttpResponse<String> open = get("EIO=4&transport=polling");
        if (open.statusCode() != 200) {
            throw new AssertionError("Handshake answered " + open.statusCode() + ": " + open.body());
        }
        return sid(open.body());
    }

    static String sid(String openPacket) {
        Matcher matcher = SID.matcher(openPacket);
        if (!openPacket.startsWith("0") || !matcher.find()) {
            throw new AssertionError("Not an open packet: " + openPacket);
        }
        return matcher.group(1);
    }

    static String connectPacket() {
        return "40{\"entityId\":\"" + UUID.randomUUID() + "\"}";
    }

    HttpClient http() {
        return http;
    }

    /** Opens a WebSocket-only Engine.IO connection. */
    Socket websocket() throws Exception {
        Socket socket = new Socket();
        socket.ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri("ws", "EIO=4&transport=websocket"), socket).get(10, TimeUnit.SECONDS);
        return socket;
    }

    /** A WebSocket connection that answers pings and queues every other text frame. */
    static final class Socket implements WebSocket.Listener {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket ws;
        private volatile int closeCode = -1;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if ("2".equals(text)) {
                    webSocket.sendText("3", true);
                } else {
                    received.add(text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        void send(String text) {
            ws.sendText(text, true).join();
        }

        /** The next text frame, failing after {@code seconds}. */
        String next(int seconds) throws InterruptedException {
            String text = received.poll(seconds, TimeUnit.SECONDS);
            if (text == null) {
                throw new AssertionError("No frame within " + seconds + " s");
            }
            return text;
        }

        /** The next frame already received that starts with {@code prefix}, if any; others before it are skipped. */
        Optional<String> take(String prefix) {
            for (String text = received.poll(); text != null; text = received.poll()) {
                if (text.startsWith(prefix)) {
                    return Optional.of(text);
                }
            }
            return Optional.empty();
        }

        /** Skips frames until one starts with {@code prefix}. */
        String await(String prefix, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String text = received.poll(100, TimeUnit.MILLISECONDS);
                if (text != null && text.startsWith(prefix)) {
                    return text;
                }
            }
            throw new AssertionError("No frame starting with " + prefix + " within " + seconds + " s");
        }

        int closeCode() {
            return closeCode;
        }

        void close() {
            ws.abort();
        }
    }
}
