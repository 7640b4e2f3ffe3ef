package dev.eliza.http.impl;

/** Counts requests per client in fixed windows aligned on the epoch ({@code start = now - now % length}). */
interface RateLimitStore {

    /**
     * Records one request of {@code client} at {@code nowMillis} and tells how many the client has made in its
     * current window, this one included.
     */
    Usage hit(String client, long nowMillis);

    /** The start of the window that holds {@code nowMillis}: windows of {@code length} aligned on the epoch. */
    static long windowStart(long nowMillis, long length) {
        return nowMillis - Math.floorMod(nowMillis, length);
    }

    /** Requests counted in the client's current window, and when that window closes (epoch milliseconds). */
    record Usage(long hits, long resetAtMillis) {
    }
}
