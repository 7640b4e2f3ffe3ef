package dev.eliza.http.impl;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RateLimitStore} in this process's memory, in windows aligned on the epoch as the cluster's counters are, so
 * that its counts and theirs are of the same windows ({@link SharedRateLimitStore}). Bounded: windows that have
 * closed are dropped once per window length, and past {@code maxClients} entries the clients first seen longest ago
 * are dropped first, so that many client addresses cannot grow the heap without limit.
 */
final class RateLimitMemoryStore implements RateLimitStore {
    private final long windowMillis;
    private final int maxClients;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile long nextSweepAt;

    RateLimitMemoryStore(long windowMillis, int maxClients) {
        if (windowMillis <= 0 || maxClients <= 0) {
            throw new IllegalArgumentException("window and client cap must be positive");
        }
        this.windowMillis = windowMillis;
        this.maxClients = maxClients;
    }

    @Override
    public Usage hit(String client, long nowMillis) {
        Window window = windows.get(client);
        if (window == null || window.closesAt <= nowMillis) {
            long closesAt = RateLimitStore.windowStart(nowMillis, windowMillis) + windowMillis;
            window = windows.compute(client, (key, old) ->
                    old == null || old.closesAt <= nowMillis ? new Window(closesAt, nowMillis) : old);
        }
        // Saturates instead of wrapping, however long a client keeps hammering inside one window.
        long hits = window.hits.updateAndGet(h -> h == Long.MAX_VALUE ? h : h + 1);
        if (nowMillis >= nextSweepAt || windows.size() > maxClients) {
            sweep(nowMillis);
        }
        return new Usage(hits, window.closesAt);
    }

    int size() {
        return windows.size();
    }

    /** One thread at a time; the others carry on counting rather than wait for it. */
    private void sweep(long nowMillis) {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            nextSweepAt = nowMillis + windowMillis;
            windows.values().removeIf(w -> w.closesAt <= nowMillis);
            int excess = windows.size() - maxClients;
            if (excess > 0) {
                // A tenth more than needed, so a steady stream of new clients does not sort the map on every hit.
                windows.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getValue().firstHitAt))
                        .limit(excess + maxClients / 10).map(Map.Entry::getKey).toList().forEach(windows::remove);
            }
        } finally {
            sweeping.set(false);
        }
    }

    private static final class Window {
        final long closesAt;
        final long firstHitAt;
        final AtomicLong hits = new AtomicLong();

        Window(long closesAt, long firstHitAt) {
            this.closesAt = closesAt;
            this.firstHitAt = firstHitAt;
        }
    }
}
