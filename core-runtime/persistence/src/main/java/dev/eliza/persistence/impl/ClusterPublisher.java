package dev.eliza.persistence.impl;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this node's cluster messages: callers only queue them (bounded, never blocking: a full queue drops the
 * message), and one thread sends what has queued up, up to {@code batchSize} notifications per transaction, so a
 * burst costs a few round trips instead of one commit each. One thread and one queue keep the node's order.
 */
final class ClusterPublisher implements AutoCloseable {
    static final String CHANNEL = "eliza_cluster";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterPublisher.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final String nodeId;
    private final int batchSize;
    private final int capacity;
    private final BlockingQueue<ClusterEnvelope> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private long sequence;
    private long lastWarning = System.nanoTime() - WARN_EVERY.toNanos();
    private volatile boolean closed;

    ClusterPublisher(DataSource dataSource, String nodeId, int capacity, int batchSize) {
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.batchSize = batchSize;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "cluster-publisher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Queues a message. A dropped message still takes its sequence number, so that receivers see the gap and
     * resynchronise instead of silently missing it.
     */
    void publish(String topic, String body) {
        boolean queued;
        synchronized (this) {
            queued = queue.offer(new ClusterEnvelope(nodeId, ++sequence, topic, false, body));
        }
        if (!queued) {
            dropped(1);
        }
    }

    private void dropped(int count) {
        dropped.addAndGet(count);
        long now = System.nanoTime();
        synchronized (dropped) {
            if (now - lastWarning < WARN_EVERY.toNanos()) {
                return;
            }
            lastWarning = now;
        }
        LOG.warn("Cluster messages dropped: {} since the last warning (the publish queue of {} was full or the"
                + " database unreachable); other nodes resynchronise", dropped.getAndSet(0), capacity);
    }

    private void run() {
        List<ClusterEnvelope> batch = new ArrayList<>(batchSize);
        while (!closed || !queue.isEmpty()) {
            try {
                ClusterEnvelope first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Sending cluster messages failed", e);
                dropped(batch.size());
            } finally {
                batch.clear();
            }
        }
    }

    private void send(List<ClusterEnvelope> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (batch.stream().allMatch(ClusterEnvelope::fitsInline)) {
                // one statement is a transaction of its own: no BEGIN and COMMIT round trip around it
                notify(connection, batch.stream().map(ClusterEnvelope::encode).toArray(String[]::new));
                return;
            }
            connection.setAutoCommit(false);
            try {
                String[] payloads = new String[batch.size()];
                for (int i = 0; i < payloads.length; i++) {
                    ClusterEnvelope envelope = batch.get(i);
                    payloads[i] = (envelope.fitsInline() ? envelope : envelope.byReference(store(connection,
                            envelope.body()))).encode();
                }
                notify(connection, payloads);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static long store(Connection connection, String body) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO cluster_payloads (body) VALUES (?) RETURNING id")) {
            insert.setString(1, body);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** All of a batch in one statement; a function scan over an array yields its elements in order. */
    private static void notify(Connection connection, String[] payloads) throws SQLException {
        Array array = connection.createArrayOf("text", payloads);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(pg_notify('" + CHANNEL + "', p)) FROM unnest(?::text[]) AS p")) {
            statement.setArray(1, array);
            statement.executeQuery().close();
        } finally {
            array.free();
        }
    }

    /** Sends what is queued, then stops the thread. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(5_000);
    }
}
