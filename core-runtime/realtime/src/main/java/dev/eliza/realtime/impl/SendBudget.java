package dev.eliza.realtime.impl;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what one client has waiting to be written. Sizes are counted in characters of the encoded packets (one
 * byte each for the ASCII JSON that Socket.IO events mostly are), which is O(1) per packet. The first packet that
 * would pass the bound is refused, the owner is told once, and every later packet is refused too.
 */
final class SendBudget {
    private final long maxQueued;
    private final Runnable onExceeded;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean exceeded = new AtomicBoolean();

    SendBudget(long maxQueued, Runnable onExceeded) {
        this.maxQueued = maxQueued;
        this.onExceeded = onExceeded;
    }

    /** Counts {@code packet} as queued; {@code false} if it must not be queued. */
    boolean take(String packet) {
        if (exceeded.get()) {
            return false;
        }
        if (queued.addAndGet(packet.length()) <= maxQueued) {
            return true;
        }
        queued.addAndGet(-packet.length());
        if (exceeded.compareAndSet(false, true)) {
            onExceeded.run();
        }
        return false;
    }

    /** Counts {@code packet} as written (or dropped by the transport). */
    void release(String packet) {
        queued.addAndGet(-packet.length());
    }

    long queued() {
        return queued.get();
    }

    boolean exceeded() {
        return exceeded.get();
    }
}
