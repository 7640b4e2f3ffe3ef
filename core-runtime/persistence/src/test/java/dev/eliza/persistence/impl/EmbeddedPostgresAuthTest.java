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

/**
 * A new cluster keeps password logins (SCRAM-SHA-256) with a verifier of few iterations: its password is random,
 * so stretching it protected nothing and made every login of a cold start slow.
 */
class EmbeddedPostgresAuthTest {
    @TempDir
    Path data;
    EmbeddedPostgres postgres;

    @AfterEach
    void stop() {
        postgres.stop();
    }

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
}
