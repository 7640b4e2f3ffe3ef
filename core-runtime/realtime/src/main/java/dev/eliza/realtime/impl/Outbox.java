package dev.eliza.realtime.impl;

import java.util.Collection;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;

/**
 * The Socket.IO packets handed to one Engine.IO connection, bounded: the library buffers them without limit until
 * its transport can write (a polling client that stops polling keeps them all). Packets leave the count when the
 * library flushes them; past the bound the connection is given up ({@code onExceeded}).
 */
final class Outbox {
    private final EngineIoSocket connection;
    private final SendBudget budget;

    Outbox(EngineIoSocket connection, long maxQueuedChars, Runnable onExceeded) {
        this.connection = connection;
        this.budget = new SendBudget(maxQueuedChars, onExceeded);
        connection.on("flush", (source, args) -> {
            if (args.length > 0 && args[0] instanceof Collection<?> flushed) {
                flushed.forEach(this::released);
            }
        });
    }

    /** Sends an encoded Socket.IO packet, unless the bound is passed. */
    void send(String packet) {
        if (budget.take(packet)) {
            connection.send(new Packet<>(Packet.MESSAGE, packet));
        }
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
