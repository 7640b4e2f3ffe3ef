package dev.eliza.realtime.impl;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;

/**
 * Adapts a Jetty 12 WebSocket session to Engine.IO's transport contract (the library ships an adapter for
 * Jetty 9 only): frames in become {@code message} events, Engine.IO's writes become frames out. Public because
 * Jetty invokes listener methods through method handles.
 */
public final class JettyEngineIoWebSocket extends EngineIoWebSocket implements Session.Listener.AutoDemanding {
    private final EngineIoServer engine;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private volatile Session session;

    JettyEngineIoWebSocket(EngineIoServer engine, ServerUpgradeRequest request) {
        this.engine = engine;
        this.query = parseQuery(request.getHttpURI().getQuery());
        Map<String, List<String>> copy = new HashMap<>();
        request.getHeaders().forEach(field -> copy.computeIfAbsent(field.getName(), k -> new java.util.ArrayList<>())
                .add(field.getValue()));
        this.headers = copy;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        engine.handleWebSocket(this);
    }

    @Override
    public void onWebSocketText(String message) {
        emit("message", message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        callback.succeed();
        emit("message", (Object) bytes);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        emit("close");
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        emit("error", "websocket error", cause.getMessage());
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return headers;
    }

    @Override
    public void write(String message) {
        session.sendText(message, Callback.NOOP);
    }

    @Override
    public void write(byte[] message) {
        session.sendBinary(ByteBuffer.wrap(message), Callback.NOOP);
    }

    @Override
    public void close() {
        Session current = session;
        if (current != null) {
            current.close();
        }
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> values = new HashMap<>();
        if (query == null) {
            return values;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}
