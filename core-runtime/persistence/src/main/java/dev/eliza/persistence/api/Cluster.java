package dev.eliza.persistence.api;

import java.util.Set;

/**
 * The server processes ("nodes") sharing this platform's PostgreSQL, registered as a service next to
 * {@link Database}. Nothing here is clustering of our own: membership is a heartbeat row per node, messages between
 * nodes are PostgreSQL {@code LISTEN/NOTIFY}, and exclusive work is a PostgreSQL advisory lock. A single process is a
 * cluster of one, so callers use this service the same way whether or not other nodes run.
 *
 * <pre>{@code
 * AutoCloseable subscription = cluster.subscribe("memory", (origin, payload) -> index.refresh(payload));
 * cluster.publish("memory", agentId + ":" + memoryId);
 * cluster.runExclusive("sessions.sweep", sweeper::sweep);
 * }</pre>
 */
public interface Cluster {

    /** This process's node id: unique per process run, so a restarted process is a new node. */
    String nodeId();

    /**
     * The nodes whose heartbeat is younger than the lease ({@code CLUSTER_LEASE_MS}), this one always included. Work
     * claimed by a node not in this set may be taken over.
     */
    Set<String> liveNodes();

    /**
     * Sends {@code payload} to the listeners of {@code topic} on every other node (never to this node's own
     * listeners: the caller handles its own node directly). Returns at once; messages of one node are delivered in
     * the order they were published, payloads of any size (those over PostgreSQL's 8000-byte limit travel by
     * reference to a row). Delivery is at most once: a node that was cut off from the database misses what was sent
     * meanwhile and is told so through {@link ClusterListener#resync()}.
     *
     * @param topic lowercase letters, digits, dots and dashes
     */
    void publish(String topic, String payload);

    /** Calls {@code listener} with what other nodes publish on {@code topic} until the returned handle is closed. */
    AutoCloseable subscribe(String topic, ClusterListener listener);

    /**
     * Runs {@code work} on this thread unless another node (or thread) runs work of the same name at this moment,
     * under a PostgreSQL advisory lock held for the duration.
     *
     * @return whether {@code work} ran
     */
    boolean runExclusive(String name, Runnable work);

    /** What receives a topic's messages from other nodes, on the cluster's listening thread: return quickly. */
    @FunctionalInterface
    interface ClusterListener {

        /** A message published by node {@code origin}. */
        void received(String origin, String payload);

        /**
         * Messages may have been lost (the listening connection to the database was lost and is back): state kept
         * from messages should be read again from the database.
         */
        default void resync() {
        }
    }
}
