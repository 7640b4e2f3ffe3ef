package dev.eliza.persistence.impl;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.http.api.RequestCounters;

/**
 * The cluster's {@link RequestCounters} in PostgreSQL. A node counts its requests in memory, so a request never
 * waits for the database; each {@link #exchange()} adds what it counted since the last one to a row per client and
 * window ({@code rate_limit_windows}) and reads back the total of all nodes, in one statement for all the clients
 * of its open windows.
 * A request thus sees its own node's hits at once and the others' as of the last exchange. While the database is
 * out of reach a node counts alone and adds its counts once it is back; closed windows are forgotten here and swept
 * from the table.
 */
final class PostgresRequestCounters implements RequestCounters, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresRequestCounters.class);
    private static final int BATCH = 1_000;
    /** Rows of windows closed longer ago than this are deleted: no node still counts in them. */
    private static final long KEEP_CLOSED_MILLIS = 60_000;
    private static final String ADD = "INSERT INTO rate_limit_windows AS w (client, window_start, closes_at, hits)"
            + " SELECT * FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[])"
            + " ON CONFLICT (client, window_start, closes_at) DO UPDATE SET hits = w.hits + EXCLUDED.hits"
            + " RETURNING client, window_start, closes_at, hits";

    private final DataSource dataSource;
    private final LongSupplier clock;
    private final Map<Window, Count> counts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "rate-limit-counts");
        thread.setDaemon(true);
        return thread;
    });
    private long nextSweepAt;
    private boolean failing;

    PostgresRequestCounters(DataSource dataSource, LongSupplier clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Exchanges counts with the other nodes every {@code interval} until closed. */
    void start(Duration interval) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                exchange();
            } catch (RuntimeException e) {
                LOG.warn("Exchanging rate-limit counts failed; trying again at the next interval", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    @Override
    public long hit(String client, long windowStartMillis, long windowMillis) {
        return counts.computeIfAbsent(new Window(client, windowStartMillis, windowStartMillis + windowMillis),
                w -> new Count()).hit();
    }

    /** Shares what was counted here since the last exchange and learns the cluster's totals; one thread at a time. */
    synchronized void exchange() {
        long now = clock.getAsLong();
        // every open window, those with no new hits too (adding 0 reads the others' hits), in one lock order on
        // every node, so that two nodes' batches cannot deadlock on each other's rows
        List<Map.Entry<Window, Count>> open = counts.entrySet().stream()
                .filter(e -> e.getKey().closesAt() > now)
                .sorted(Map.Entry.comparingByKey(Window.ORDER)).toList();
        if (open.isEmpty() && now < nextSweepAt) {
            // nothing to share or to learn: no connection taken
            counts.keySet().removeIf(window -> window.closesAt() <= now);
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < open.size(); from += BATCH) {
                add(connection, open.subList(from, Math.min(open.size(), from + BATCH)));
            }
            if (now >= nextSweepAt) {
                sweep(connection, now);
                nextSweepAt = now + KEEP_CLOSED_MILLIS;
            }
            if (failing) {
                LOG.info("Rate-limit counts are shared with the other nodes again");
                failing = false;
            }
        } catch (SQLException e) {
            if (!failing) {
                LOG.warn("Rate-limit counts cannot be shared with the other nodes for now; counting on this node "
                        + "alone: {}", e.getMessage());
                failing = true;
            }
        }
        counts.keySet().removeIf(window -> window.closesAt() <= now);
    }

    private void add(Connection connection, List<Map.Entry<Window, Count>> batch) throws SQLException {
        int size = batch.size();
        String[] clients = new String[size];
        Long[] starts = new Long[size];
        Long[] closes = new Long[size];
        Long[] hits = new Long[size];
        Map<Window, Long> sent = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Window window = batch.get(i).getKey();
            clients[i] = window.client();
            starts[i] = window.start();
            closes[i] = window.closesAt();
            hits[i] = batch.get(i).getValue().unshared();
            sent.put(window, hits[i]);
        }
        try (PreparedStatement statement = connection.prepareStatement(ADD)) {
            statement.setArray(1, array(connection, "text", clients));
            statement.setArray(2, array(connection, "bigint", starts));
            statement.setArray(3, array(connection, "bigint", closes));
            statement.setArray(4, array(connection, "bigint", hits));
            try (ResultSet totals = statement.executeQuery()) {
                while (totals.next()) {
                    Window window = new Window(totals.getString(1), totals.getLong(2), totals.getLong(3));
                    Count count = counts.get(window);
                    if (count != null) {
                        count.shared(sent.get(window), totals.getLong(4));
                    }
                }
            }
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    private static void sweep(Connection connection, long now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM rate_limit_windows WHERE closes_at < ?")) {
            delete.setLong(1, now - KEEP_CLOSED_MILLIS);
            delete.executeUpdate();
        }
    }

    /** A client's window; the close is part of it, so nodes configured with different lengths never mix counts. */
    private record Window(String client, long start, long closesAt) {
        static final Comparator<Window> ORDER = Comparator.comparing(Window::client)
                .thenComparingLong(Window::start).thenComparingLong(Window::closesAt);
    }

    /** This node's hits not yet shared, and the cluster's total as of the last exchange. */
    private static final class Count {
        private long unshared;
        private long shared;

        synchronized long hit() {
            unshared++;
            return shared + unshared;
        }

        synchronized long unshared() {
            return unshared;
        }

        /** {@code sent} of the unshared hits are now in the cluster's {@code total}. */
        synchronized void shared(long sent, long total) {
            unshared -= sent;
            shared = total;
        }
    }
}
