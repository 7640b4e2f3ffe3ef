package dev.eliza.realtime.impl;

import java.util.Collection;
import java.util.Map;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;

/**
 * The Socket.IO packets handed to one Engine.IO connection, bounded: the library buffers them without limit until
 * its transport can write (a polling client that stops polling keeps them all). Packets leave the count when the
 * library flushes them; past the bound the connection is given up ({@code onExceeded}).
 *
 * <p>Once the connection is on WebSocket, packets skip the library (its packet objects, events and per-socket
 * encode) and go to the Jetty session as the frame bytes encoded once per broadcast, bounded there. They do so only
 * while none of ours waits in the library's buffer (the upgrade window), so a socket's packets keep their order.
 */
final class Outbox {
    private final EngineIoSocket connection;
    private final SendBudget budget;
    private volatile FrameWriter webSocket;

    Outbox(EngineIoSocket connection, long maxQueuedChars, Runnable onExceeded) {
        this.connection = connection;
        this.budget = new SendBudget(maxQueuedChars, onExceeded);
        connection.on("flush", (source, args) -> {
            if (args.length > 0 && args[0] instanceof Collection<?> flushed) {
                flushed.forEach(this::released);
            }
        });
        Map<String, String> query = connection.getInitialQuery();
        if (query != null && EngineIoRequestCheck.WEBSOCKET.equals(query.get("transport"))) {
            webSocket = FrameWriter.handlingNow().orElse(null);
        }
        connection.on("upgrade", (source, args) -> webSocket = FrameWriter.handlingNow().orElse(null));
    }

    /** Sends an encoded Socket.IO packet, unless the bound is passed. */
    void send(String packet) {
        send(new SharedFrame(packet));
    }

    /** Sends a packet encoded once for many receivers, unless the bound is passed. */
    void send(SharedFrame frame) {
        FrameWriter direct = webSocket;
        if (direct != null && budget.queued() == 0 && !budget.exceeded()) {
            direct.write(frame);
        } else if (budget.take(frame.packet())) {
            connection.send(new Packet<>(Packet.MESSAGE, frame.packet()));
        }
    }

    boolean writesDirectly() {
        return webSocket != null;
    }

    long queued() {
        return budget.queued();
    }

    private void released(Object flushed) {
        // Only this class creates MESSAGE packets with text data; pings, noops and the open packet are not counted.
        if (flushed instanceof Packet<?> packet && Packet.MESSAGE.equals(packet.type)
                && packet.data instanceof String text) {
            budget.release(text);
        }
    }
}
