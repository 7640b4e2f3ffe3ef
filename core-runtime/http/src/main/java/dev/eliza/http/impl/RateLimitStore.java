package dev.eliza.http.impl;

/**
 * Counts requests per client in fixed windows. Kept per process for now; a store shared through PostgreSQL can
 * replace it without the handler noticing.
 */
interface RateLimitStore {

    /**
     * Records one request of {@code client} at {@code nowMillis} and tells how many the client has made in its
     * current window, this one included. A client's window opens with its first request and lasts the configured
     * length; the next request after it opens a new one.
     */
    Usage hit(String client, long nowMillis);

    /** Requests counted in the client's current window, and when that window closes (epoch milliseconds). */
    record Usage(long hits, long resetAtMillis) {
    }
}
