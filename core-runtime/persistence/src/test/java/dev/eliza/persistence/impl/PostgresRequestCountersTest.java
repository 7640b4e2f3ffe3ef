package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Two nodes' {@link PostgresRequestCounters} on one real PostgreSQL. */
class PostgresRequestCountersTest {
    private static final long MINUTE = 60_000;
    private static final long START = 1_800_000_000_000L;

    private final AtomicLong now = new AtomicLong(START + 5_000);
    private final PostgresRequestCounters a = new PostgresRequestCounters(SharedTestDatabase.get().dataSource(),
            now::get);
    private final PostgresRequestCounters b = new PostgresRequestCounters(SharedTestDatabase.get().dataSource(),
            now::get);
    private final String client = "ip:" + UUID.randomUUID();

    @BeforeAll
    static void migrate() {
        SharedTestDatabase.get().migrate("rate-limits", SharedTestDatabase.migrations(
                PostgresRequestCountersTest.class.getClassLoader(), "db/rate-limits", "rate limit windows"));
    }

    @Test
    void aNodeSeesItsOwnHitsAtOnceAndTheOthersAfterAnExchange() {
        for (int i = 0; i < 3; i++) {
            a.hit(client, START, MINUTE);
        }
        assertThat(b.hit(client, START, MINUTE)).as("B alone, before any exchange").isEqualTo(1);

        a.exchange();
        b.exchange();
        assertThat(b.hit(client, START, MINUTE)).as("A's 3, B's 1 shared and this one").isEqualTo(5);
        b.exchange();
        a.exchange();
        assertThat(a.hit(client, START, MINUTE)).isEqualTo(6);
    }

    @Test
    void aNodeWithNoOpenWindowTakesNoConnectionUntilASweepIsDue() {
        AtomicLong connections = new AtomicLong();
        DataSource database = SharedTestDatabase.get().dataSource();
        PostgresRequestCounters idle = new PostgresRequestCounters((ConnectionSource) () -> {
            connections.incrementAndGet();
            return database.getConnection();
        }, now::get);
        idle.exchange();
        assertThat(connections).as("the first exchange sweeps").hasValue(1);
        idle.exchange();
        idle.exchange();
        assertThat(connections).as("nothing counted, nothing to sweep").hasValue(1);
        idle.hit(client, START, MINUTE);
        idle.exchange();
        assertThat(connections).hasValue(2);
        now.addAndGet(56_000);
        idle.exchange();
        assertThat(connections).as("the window closed, the next sweep not due").hasValue(2);
        now.addAndGet(5_000);
        idle.exchange();
        assertThat(connections).as("a minute after the last sweep").hasValue(3);
    }

    /** A data source that is only asked for connections. */
    @FunctionalInterface
    private interface ConnectionSource extends DataSource {
        @Override
        default Connection getConnection(String user, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        default java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        default void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        default void setLoginTimeout(int seconds) {
        }

        @Override
        default int getLoginTimeout() {
            return 0;
        }

        @Override
        default java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        default <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        default boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Test
    void aWindowOfTheSameClientWithAnotherStartOrLengthCountsApart() {
        a.hit(client, START, MINUTE);
        a.hit(client, START, 2 * MINUTE);
        a.exchange();

        assertThat(a.hit(client, START + MINUTE, MINUTE)).isEqualTo(1);
        assertThat(b.hit(client, START, 2 * MINUTE)).isEqualTo(1);
        b.exchange();
        assertThat(b.hit(client, START, 2 * MINUTE)).isEqualTo(3);
    }

    @Test
    void closedWindowsAreForgottenAndSweptFromTheTable() throws SQLException {
        a.hit(client, START, MINUTE);
        a.exchange();
        assertThat(rows(client)).isEqualTo(1);

        now.set(START + MINUTE + 61_000);
        a.exchange();
        assertThat(rows(client)).isZero();
        assertThat(a.hit(client, START, MINUTE)).as("nothing of the closed window is kept here").isEqualTo(1);
    }

    @Test
    void countsMadeWhileTheDatabaseIsOutOfReachAreSharedOnceItIsBack() throws Exception {
        PGSimpleDataSource real = (PGSimpleDataSource) SharedTestDatabase.get().dataSource();
        PGSimpleDataSource switchable = new PGSimpleDataSource();
        switchable.setUser(real.getUser());
        switchable.setPassword(real.getPassword());
        switchable.setConnectTimeout(5);
        switchable.setURL("jdbc:postgresql://127.0.0.1:" + closedPort() + "/postgres");
        PostgresRequestCounters cut = new PostgresRequestCounters(switchable, now::get);
        cut.hit(client, START, MINUTE);
        cut.exchange();
        assertThat(cut.hit(client, START, MINUTE)).as("still counting alone").isEqualTo(2);
        assertThat(rows(client)).isZero();

        switchable.setURL(real.getURL());
        cut.exchange();
        assertThat(b.hit(client, START, MINUTE)).isEqualTo(1);
        b.exchange();
        assertThat(b.hit(client, START, MINUTE)).as("the 2 counted during the outage, B's 1 and this").isEqualTo(4);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int rows(String client) throws SQLException {
        try (Connection connection = SharedTestDatabase.get().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM rate_limit_windows WHERE client = ?")) {
            query.setString(1, client);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
