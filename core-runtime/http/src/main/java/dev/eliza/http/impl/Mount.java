package dev.eliza.http.impl;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.server.Handler;

/**
 * One domain contribution served on the shared server: its handler, the prefixes it owns, and a count of the
 * requests inside it, so that unmounting lets in-flight requests finish before the handler stops.
 */
final class Mount {
    private static final long CLOSED = 1L << 62;

    private final String domain;
    private final String owner;
    private final List<String> prefixes;
    private final Handler handler;
    private final AtomicLong state = new AtomicLong();

    Mount(String domain, String owner, List<String> prefixes, Handler handler) {
        this.domain = domain;
        this.owner = owner;
        this.prefixes = List.copyOf(prefixes);
        this.handler = handler;
    }

    String domain() {
        return domain;
    }

    /** The symbolic name of the bundle that registered the contribution. */
    String owner() {
        return owner;
    }

    List<String> prefixes() {
        return prefixes;
    }

    Handler handler() {
        return handler;
    }

    /** Counts a request in, unless the mount is closing. */
    boolean tryEnter() {
        while (true) {
            long current = state.get();
            if ((current & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void exit() {
        state.decrementAndGet();
    }

    /** Refuses new requests and waits, at most {@code max}, for those inside to finish. */
    boolean closeAndDrain(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long current;
        do {
            current = state.get();
        } while (!state.compareAndSet(current, current | CLOSED));
        while ((state.get() & ~CLOSED) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }
}
