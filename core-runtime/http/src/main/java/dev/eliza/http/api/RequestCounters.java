package dev.eliza.http.api;

/**
 * Request counts per client shared by every node of the platform, so that the rate limit holds for the cluster
 * rather than per process. Registered as a service by whatever keeps them (the persistence bundle keeps them in
 * PostgreSQL); while none is registered the HTTP server counts in its own memory.
 *
 * <p>Windows are fixed and aligned on the epoch ({@code start = now - now % length}), so that every node puts a
 * request in the same window whatever its first request was.
 */
public interface RequestCounters {

    /**
     * Counts one request of {@code client} in the window starting at {@code windowStartMillis} and lasting
     * {@code windowMillis}, and returns the requests of that client in that window, this one included, as far as
     * they are known here. This is on every request's path and must not wait for the database: an implementation
     * counts in memory and shares its counts in the background, so the other nodes' requests show up after its
     * sharing interval.
     *
     * @param client an opaque client name, never a secret
     */
    long hit(String client, long windowStartMillis, long windowMillis);
}
