package dev.eliza.agents.impl;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps the last result of a read-mostly query in memory. Writes on this node call {@link #invalidate()} once they
 * have committed, so this node reads its own writes at once; writes by other nodes sharing the database are seen
 * within the time to live, after which the query runs again.
 *
 * <p>A load that raced a write is never served: each result is tagged with the generation read before its query
 * ran, and every invalidation moves the generation on, so a result that may predate a commit no longer matches.
 *
 * @param <T> the cached result, which must not change once loaded
 */
final class SnapshotCache<T> {
    private record Snapshot<T>(long generation, long loadedAt, T value) {
    }

    private final Supplier<T> loader;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot<T> current;

    SnapshotCache(Supplier<T> loader, Duration ttl, LongSupplier nanoTime) {
        this.loader = loader;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    T get() {
        long now = nanoTime.getAsLong();
        Snapshot<T> snapshot = current;
        if (snapshot != null && snapshot.generation() == generation.get() && now - snapshot.loadedAt() < ttlNanos) {
            return snapshot.value();
        }
        long before = generation.get();
        T value = loader.get();
        current = new Snapshot<>(before, now, value);
        return value;
    }

    /** Called after every committed write: whatever was loaded before it is stale. */
    void invalidate() {
        generation.incrementAndGet();
    }
}
