package dev.eliza.persistence.impl;

import java.time.Duration;
import java.util.function.Function;

/**
 * The cluster's configuration keys.
 *
 * @param heartbeat {@code CLUSTER_HEARTBEAT_MS}: how often a node refreshes its row and re-reads the live nodes
 * @param lease {@code CLUSTER_LEASE_MS}: how long after its last heartbeat a node still counts as live
 */
record ClusterSettings(Duration heartbeat, Duration lease) {
    static final long HEARTBEAT_MS = 2_000;
    static final long LEASE_MS = 10_000;

    ClusterSettings {
        if (lease.compareTo(heartbeat) <= 0) {
            throw new IllegalArgumentException("CLUSTER_LEASE_MS (" + lease.toMillis()
                    + ") must be longer than CLUSTER_HEARTBEAT_MS (" + heartbeat.toMillis() + ")");
        }
    }

    static ClusterSettings from(Function<String, String> properties) {
        return new ClusterSettings(Duration.ofMillis(positive(properties, "CLUSTER_HEARTBEAT_MS", HEARTBEAT_MS)),
                Duration.ofMillis(positive(properties, "CLUSTER_LEASE_MS", LEASE_MS)));
    }

    /** Rows of nodes silent this long are deleted: far beyond the lease, so no one still reasons about them. */
    Duration forgetAfter() {
        return lease.multipliedBy(30);
    }

    private static long positive(Function<String, String> properties, String key, long fallback) {
        String value = properties.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(key + " must be a positive whole number, not '" + value + "'");
    }
}
