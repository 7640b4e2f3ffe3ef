package dev.eliza.sdk;

import java.util.Optional;

/**
 * A plugin's own durable key-value store, kept in the platform database (PostgreSQL): it survives plugin reloads
 * and server restarts, and no other plugin sees it. Values are text; store JSON if you need structure. While the
 * database is out of reach (a restart, crash recovery), every method throws {@link PlatformUnavailableException}:
 * try again later; a route may let it propagate (503), and it never counts as the plugin's fault.
 */
public interface KeyValueStore {

    /** The value stored under {@code key}, if any. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}, replacing what was there. */
    void put(String key, String value);

    /** Removes {@code key}; {@code false} if it was not there. */
    boolean remove(String key);

    /**
     * Adds {@code delta} to the whole number stored under {@code key} (0 when absent) in one atomic step and
     * returns the result.
     *
     * @throws IllegalStateException when the stored value is not a whole number
     */
    long increment(String key, long delta);
}
