package dev.eliza.realtime.impl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.persistence.api.Cluster;

/**
 * Socket.IO across nodes: an encoded packet for a room, for all or for a socket goes to the other nodes on the
 * cluster's {@code realtime} topic, and what they send is handed to this node's sockets. One node's packets arrive
 * in the order it sent them, so a room sees a streamed reply in order wherever its members are connected.
 */
final class ClusterRelay implements Cluster.ClusterListener, AutoCloseable {
    static final String TOPIC = "realtime";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRelay.class);

    private final Cluster cluster;
    private final SocketRegistry registry;
    private AutoCloseable subscription;

    private ClusterRelay(Cluster cluster, SocketRegistry registry) {
        this.cluster = cluster;
        this.registry = registry;
    }

    /** Joins {@code registry} to the other nodes until closed. */
    static ClusterRelay open(Cluster cluster, SocketRegistry registry) {
        ClusterRelay relay = new ClusterRelay(cluster, registry);
        relay.subscription = cluster.subscribe(TOPIC, relay);
        return relay;
    }

    void toRoom(String room, String packet) {
        cluster.publish(TOPIC, "room\t" + room + "\t" + packet);
    }

    void toSocket(String socketId, String packet) {
        cluster.publish(TOPIC, "socket\t" + socketId + "\t" + packet);
    }

    void toAll(String packet) {
        cluster.publish(TOPIC, "all\t\t" + packet);
    }

    @Override
    public void received(String origin, String payload) {
        int kindEnd = payload.indexOf('\t');
        int targetEnd = kindEnd < 0 ? -1 : payload.indexOf('\t', kindEnd + 1);
        if (targetEnd < 0) {
            LOG.warn("Ignored a malformed realtime message of node {}", origin);
            return;
        }
        String target = payload.substring(kindEnd + 1, targetEnd);
        String packet = payload.substring(targetEnd + 1);
        switch (payload.substring(0, kindEnd)) {
            case "room" -> registry.sendToRoom(target, packet);
            case "socket" -> registry.sendToSocket(target, packet);
            case "all" -> registry.sendToAll(packet);
            default -> LOG.warn("Ignored a realtime message of unknown kind from node {}", origin);
        }
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
