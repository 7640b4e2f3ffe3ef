package dev.eliza.http.impl;

import java.util.Optional;
import java.util.function.Supplier;

import dev.eliza.http.api.RequestCounters;

/**
 * {@link RateLimitStore} over the cluster's {@link RequestCounters} while they are registered, and over this
 * process's memory always, in the same aligned windows. A request is counted in both and sees the larger count: the
 * cluster's includes the other nodes' requests, this process's those made before the counters came (the database
 * starts after the first requests are served) or while they were away, so a client's count never starts again
 * within a window when they come or go.
 */
final class SharedRateLimitStore implements RateLimitStore {
    private final long windowMillis;
    private final Supplier<Optional<RequestCounters>> counters;
    private final RateLimitStore local;

    SharedRateLimitStore(long windowMillis, Supplier<Optional<RequestCounters>> counters, RateLimitStore local) {
        this.windowMillis = windowMillis;
        this.counters = counters;
        this.local = local;
    }

    @Override
    public Usage hit(String client, long nowMillis) {
        Usage here = local.hit(client, nowMillis);
        Optional<RequestCounters> shared = counters.get();
        if (shared.isEmpty()) {
            return here;
        }
        long start = RateLimitStore.windowStart(nowMillis, windowMillis);
        long hits = shared.get().hit(client, start, windowMillis);
        return new Usage(Math.max(hits, here.hits()), start + windowMillis);
    }
}
