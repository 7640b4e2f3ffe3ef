package dev.eliza.realtime.impl;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;

/**
 * Adapts a Jetty 12 WebSocket session to Engine.IO's transport contract (the library ships an adapter for
 * Jetty 9 only): frames in become {@code message} events, Engine.IO's writes become frames out. A frame that is
 * not an Engine.IO packet closes the connection (1002), as the reference server closes on a parse error; incoming
 * messages are limited to the configured payload size (1009 past it). Frames queued in Jetty for a client that
 * does not read are bounded: past the bound the connection is dropped without a close handshake, since the
 * client would not read that either, which frees the queue at once. Public because Jetty invokes listener methods
 * through method handles.
 */
public final class JettyEngineIoWebSocket extends EngineIoWebSocket implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(JettyEngineIoWebSocket.class);

    private final EngineIoServer engine;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final int maxPayloadBytes;
    private final SendBudget queued;
    private volatile Session session;

    JettyEngineIoWebSocket(EngineIoServer engine, Map<String, String> query, Map<String, List<String>> headers,
                           RealtimeSettings settings) {
        this.engine = engine;
        this.query = query;
        this.headers = headers;
        this.maxPayloadBytes = settings.maxPayloadBytes();
        this.queued = new SendBudget(settings.maxBufferedBytes(), () -> {
            LOG.info("Dropping WebSocket {}: more than {} bytes queued, the client is not reading",
                    session.getRemoteSocketAddress(), settings.maxBufferedBytes());
            session.disconnect();
        });
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        session.setMaxTextMessageSize(maxPayloadBytes);
        session.setMaxBinaryMessageSize(maxPayloadBytes);
        engine.handleWebSocket(this);
    }

    @Override
    public void onWebSocketText(String message) {
        if (EngineIoPayload.isValidPacket(message)) {
            emit("message", message);
        } else {
            session.close(StatusCode.PROTOCOL, "Not an Engine.IO packet", Callback.NOOP);
        }
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
        if (queued.take(message)) {
            session.sendText(message, Callback.from(() -> queued.release(message), failure -> queued.release(message)));
        }
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

    long queuedChars() {
        return queued.queued();
    }
}
