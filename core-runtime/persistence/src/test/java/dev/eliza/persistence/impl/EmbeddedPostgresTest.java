package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The embedded server on a folder of its own: its logins, and its return after a kill. */
class EmbeddedPostgresTest {
    @TempDir
    Path data;
    EmbeddedPostgres postgres;

    @AfterEach
    void stop() {
        postgres.stop();
    }

    /**
     * A new cluster keeps password logins (SCRAM-SHA-256) with a verifier of few iterations: its password is
     * random, so stretching it protected nothing and made every login of a cold start slow.
     */
    @Test
    void theSuperuserLogsInWithItsPasswordThroughAFewIterationScramVerifierAndNotWithoutIt() throws Exception {
        postgres = new EmbeddedPostgres(data, Optional.empty(), new ProcessRunner());
        PGSimpleDataSource source = new PGSimpleDataSource();
        postgres.start("test-binaries").applyTo(source);

        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '"
                     + EmbeddedPostgres.USER + "'")) {
            rows.next();
            assertThat(rows.getString(1)).startsWith("SCRAM-SHA-256$" + EmbeddedPostgres.SCRAM_ITERATIONS + ":");
        }
        source.setPassword("not-the-password");
        assertThatThrownBy(() -> source.getConnection().close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    /**
     * A postmaster killed with {@code kill -9}: where nothing reaps it (PID 1 of a container), it stays a zombie
     * whose pid PostgreSQL's lock check takes for a live server, and a plain {@code pg_ctl start} then fails. The
     * server must come back on the same folder and port with every committed row.
     */
    @Test
    void aKilledServerStartsAgainOnTheSameAddressWithItsCommittedRows() throws Exception {
        postgres = new EmbeddedPostgres(data, Optional.empty(), new ProcessRunner());
        PGSimpleDataSource source = new PGSimpleDataSource();
        postgres.start("test-binaries").applyTo(source);
        execute(source, "CREATE TABLE acknowledged (id int PRIMARY KEY)");
        execute(source, "INSERT INTO acknowledged SELECT generate_series(1, 500)");

        for (int round = 0; round < 3; round++) {
            long pid = EmbeddedPostgres.PostmasterPid.read(data.resolve("postgres")).orElseThrow();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (postgres.isRunning() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(postgres.isRunning()).as("seen dead").isFalse();

            postgres.restart();

            assertThat(postgres.isRunning()).isTrue();
            assertThat(EmbeddedPostgres.PostmasterPid.read(data.resolve("postgres"))).isPresent().get()
                    .isNotEqualTo(pid);
            try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM acknowledged")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(500 + round);
            }
            execute(source, "INSERT INTO acknowledged VALUES (" + (1000 + round) + ")");
        }
    }

    private static void execute(PGSimpleDataSource source, String sql) throws Exception {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
