package dev.eliza.persistence.impl;

import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import dev.eliza.persistence.api.Cluster;
import dev.eliza.persistence.api.PersistenceException;

/**
 * The {@link Cluster} over one PostgreSQL: heartbeat rows for membership, LISTEN/NOTIFY for messages, advisory
 * locks for exclusive work. Expects the {@code cluster} migrations applied.
 */
final class PostgresCluster implements Cluster, AutoCloseable {
    static final int QUEUE_CAPACITY = 10_000;
    static final int BATCH_SIZE = 200;

    private final String nodeId = UUID.randomUUID().toString();
    private final ClusterTopics topics = new ClusterTopics();
    private final AdvisoryLocks locks;
    private final NodeHeartbeat heartbeat;
    private final ClusterPublisher publisher;
    private final ClusterReceiver receiver;

    /**
     * @param pool the shared pool, for short work
     * @param direct unpooled connections to the same database, for the connection that listens for as long as this
     *               runs
     */
    PostgresCluster(DataSource pool, DataSource direct, ClusterSettings settings, int batchSize) {
        this.locks = new AdvisoryLocks(pool);
        this.heartbeat = new NodeHeartbeat(pool, nodeId, settings, locks);
        this.publisher = new ClusterPublisher(pool, nodeId, QUEUE_CAPACITY, batchSize);
        this.receiver = new ClusterReceiver(direct, nodeId, topics);
    }

    void start() {
        try {
            receiver.start();
            heartbeat.start();
            publisher.start();
        } catch (SQLException e) {
            throw new PersistenceException("The cluster service could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Set<String> liveNodes() {
        return heartbeat.liveNodes();
    }

    @Override
    public void publish(String topic, String payload) {
        publisher.publish(ClusterEnvelope.checkTopic(topic), payload);
    }

    @Override
    public AutoCloseable subscribe(String topic, ClusterListener listener) {
        return topics.subscribe(topic, listener);
    }

    @Override
    public boolean runExclusive(String name, Runnable work) {
        return locks.runExclusive(name, work);
    }

    @Override
    public void close() throws InterruptedException {
        publisher.close();
        receiver.close();
        heartbeat.close();
    }
}
