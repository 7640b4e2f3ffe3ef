package dev.eliza.http.impl;

import java.util.Optional;
import java.util.function.Supplier;

import dev.eliza.http.api.RequestCounters;

/**
 * {@link RateLimitStore} over the cluster's {@link RequestCounters} while they are registered, in aligned windows
 * every node agrees on; over this process's memory while they are not (a single node, or the database not up yet).
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
        Optional<RequestCounters> shared = counters.get();
        if (shared.isEmpty()) {
            return local.hit(client, nowMillis);
        }
        long start = nowMillis - Math.floorMod(nowMillis, windowMillis);
        return new Usage(shared.get().hit(client, start, windowMillis), start + windowMillis);
    }
}
