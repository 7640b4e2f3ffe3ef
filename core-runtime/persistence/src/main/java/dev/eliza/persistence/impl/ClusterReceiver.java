package dev.eliza.persistence.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening thread: a connection of its own (outside the pool, which it would otherwise hold forever) that
 * LISTENs on the cluster channel and hands other nodes' messages to the {@link ClusterTopics}. When the connection
 * breaks it reconnects with growing pauses and, once listening again, has every listener resynchronise; a gap in an
 * origin's sequence numbers (a message lost on the way) does the same.
 */
final class ClusterReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterReceiver.class);
    private static final int POLL_MS = 500;
    /** A silent connection is probed this often: a peer that vanished without closing would not raise an error. */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DataSource direct;
    private final String nodeId;
    private final ClusterTopics topics;
    private final Map<String, Long> lastSequence = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    /** @param direct a DataSource handing out fresh, unpooled connections */
    ClusterReceiver(DataSource direct, String nodeId, ClusterTopics topics) {
        this.direct = direct;
        this.nodeId = nodeId;
        this.topics = topics;
        this.thread = new Thread(this::run, "cluster-listener");
        thread.setDaemon(true);
    }

    /** Listens before returning, so that nothing published after this call is missed. */
    void start() throws SQLException {
        connection = listen();
        thread.start();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (!closed) {
            try {
                if (connection == null) {
                    connection = listen();
                    lastSequence.clear();
                    LOG.info("Cluster listening connection is back: listeners resynchronise");
                    topics.resync();
                    backoff = Duration.ofMillis(100);
                }
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                boolean wasConnected = connection != null;
                closeQuietly();
                if (wasConnected) {
                    LOG.warn("Cluster listening connection lost ({}); reconnecting", e.getMessage());
                }
                if (!pause(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private Connection listen() throws SQLException {
        Connection fresh = direct.getConnection();
        try (Statement statement = fresh.createStatement()) {
            statement.execute("LISTEN " + ClusterPublisher.CHANNEL);
            return fresh;
        } catch (SQLException e) {
            fresh.close();
            throw e;
        }
    }

    private void receive(Connection listening) throws SQLException {
        PGConnection pg = listening.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = pg.getNotifications(POLL_MS);
            if (notifications == null || notifications.length == 0) {
                if (System.nanoTime() - quietSince > PROBE_EVERY.toNanos()) {
                    probe(listening);
                    quietSince = System.nanoTime();
                }
                continue;
            }
            quietSince = System.nanoTime();
            for (PGNotification notification : notifications) {
                ClusterEnvelope.decode(notification.getParameter()).filter(e -> !e.origin().equals(nodeId))
                        .ifPresent(envelope -> deliver(listening, envelope));
            }
        }
    }

    private void deliver(Connection listening, ClusterEnvelope envelope) {
        Long previous = lastSequence.put(envelope.origin(), envelope.sequence());
        if (previous != null && envelope.sequence() != previous + 1) {
            LOG.info("Cluster messages {}..{} of node {} never arrived: listeners resynchronise", previous + 1,
                    envelope.sequence() - 1, envelope.origin());
            topics.resync();
        }
        Optional<String> body = envelope.byReference() ? stored(listening, envelope.rowId())
                : Optional.of(envelope.body());
        if (body.isEmpty()) {
            LOG.info("Cluster message {} of node {} was swept before it was read: listeners resynchronise",
                    envelope.sequence(), envelope.origin());
            topics.resync();
            return;
        }
        topics.deliver(envelope.topic(), envelope.origin(), body.get());
    }

    private static Optional<String> stored(Connection listening, long id) {
        try (PreparedStatement query = listening.prepareStatement("SELECT body FROM cluster_payloads WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a large cluster message failed: " + e.getMessage(), e);
        }
    }

    private static void probe(Connection listening) throws SQLException {
        try (Statement statement = listening.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("SELECT 1");
        }
    }

    private boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeQuietly() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                LOG.debug("Closing the broken listening connection failed", e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(POLL_MS * 4L);
        closeQuietly();
    }
}
