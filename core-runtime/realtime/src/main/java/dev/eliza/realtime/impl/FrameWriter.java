package dev.eliza.realtime.impl;

import java.util.Optional;

/**
 * Writes frames encoded once for many receivers straight to one WebSocket connection ({@link
 * JettyEngineIoWebSocket}), bypassing the Engine.IO library's per-socket packet handling.
 */
interface FrameWriter {

    /** Writes an Engine.IO MESSAGE frame as it is, under the connection's send bound. */
    void write(SharedFrame frame);

    /**
     * Runs {@code action} as the handling of {@code writer}'s open or incoming frame. The library announces a new
     * WebSocket session, and completes an upgrade, synchronously inside those calls: that is how an {@link Outbox}
     * learns which connection its Engine.IO socket writes to (the library does not tell).
     */
    static void handling(FrameWriter writer, Runnable action) {
        FrameWriter outer = Handling.CURRENT.get();
        Handling.CURRENT.set(writer);
        try {
            action.run();
        } finally {
            Handling.CURRENT.set(outer);
        }
    }

    /** The writer whose open or incoming frame this thread is handling, if any. */
    static Optional<FrameWriter> handlingNow() {
        return Optional.ofNullable(Handling.CURRENT.get());
    }

    /** Holds the thread's current writer (an interface cannot hold private state). */
    final class Handling {
        private static final ThreadLocal<FrameWriter> CURRENT = new ThreadLocal<>();

        private Handling() {
        }
    }
}
