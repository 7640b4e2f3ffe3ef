package dev.eliza.persistence.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's row in {@code cluster_nodes}, refreshed on a daemon thread every heartbeat, which also re-reads the
 * live nodes (cached for {@link #liveNodes()}) and now and then, on one node at a time, deletes the rows of nodes
 * long gone and old large-message bodies. All times are the database's {@code now()}.
 */
final class NodeHeartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);
    /** Heartbeats between two sweeps. */
    private static final int SWEEP_EVERY = 15;
    /** Receivers read a large body as its notification arrives; one left this long was lost anyway. */
    private static final long PAYLOAD_RETENTION_MS = 5 * 60_000;

    private final DataSource dataSource;
    private final String nodeId;
    private final ClusterSettings settings;
    private final AdvisoryLocks locks;
    private final ScheduledExecutorService timer;
    private volatile Set<String> live;
    private int beats;

    NodeHeartbeat(DataSource dataSource, String nodeId, ClusterSettings settings, AdvisoryLocks locks) {
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.settings = settings;
        this.locks = locks;
        this.live = Set.of(nodeId);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Writes the first heartbeat before returning, so that other nodes may see this one as soon as it runs. */
    void start() throws SQLException {
        beat();
        long period = settings.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::beatSafely, period, period, TimeUnit.MILLISECONDS);
    }

    Set<String> liveNodes() {
        return live;
    }

    private void beatSafely() {
        try {
            beat();
            if (++beats % SWEEP_EVERY == 0) {
                locks.runExclusive("cluster.sweep", this::sweep);
            }
        } catch (SQLException | RuntimeException e) {
            // the live set stays as last read: other nodes' leases are judged again at the next heartbeat
            LOG.warn("Cluster heartbeat failed: {}", e.getMessage());
        }
    }

    private void beat() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO cluster_nodes (node_id)"
                    + " VALUES (?) ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()")) {
                upsert.setString(1, nodeId);
                upsert.executeUpdate();
            }
            Set<String> nodes = new HashSet<>();
            nodes.add(nodeId);
            try (PreparedStatement query = connection.prepareStatement("SELECT node_id FROM cluster_nodes"
                    + " WHERE heartbeat_at > now() - make_interval(secs => ?)")) {
                query.setDouble(1, settings.lease().toMillis() / 1000.0);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        nodes.add(rows.getString(1));
                    }
                }
            }
            live = Set.copyOf(nodes);
        }
    }

    private void sweep() {
        try (Connection connection = dataSource.getConnection()) {
            delete(connection, "DELETE FROM cluster_nodes WHERE heartbeat_at < now() - make_interval(secs => ?)",
                    settings.forgetAfter().toMillis());
            delete(connection, "DELETE FROM cluster_payloads WHERE created_at < now() - make_interval(secs => ?)",
                    PAYLOAD_RETENTION_MS);
        } catch (SQLException e) {
            LOG.warn("Sweeping old cluster rows failed: {}", e.getMessage());
        }
    }

    private static void delete(Connection connection, String sql, long olderThanMs) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setDouble(1, olderThanMs / 1000.0);
            delete.executeUpdate();
        }
    }

    /** Stops beating and removes this node's row, so that the others see it leave at once. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM cluster_nodes WHERE node_id = ?")) {
            delete.setString(1, nodeId);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.info("This node's cluster row stays until its lease expires: {}", e.getMessage());
        }
    }
}
