package dev.eliza.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseOutageTest {
    @Test
    void aLostOrRefusedConnectionAnywhereInTheChainIsAnOutage() {
        assertThat(DatabaseOutage.of(new RuntimeException("mapper", new SQLException("I/O error", "08006"))))
                .isPresent();
        assertThat(DatabaseOutage.of(new IllegalStateException(new RuntimeException(
                new SQLException("the database system is in recovery mode", "57P03"))))).isPresent();
        assertThat(DatabaseOutage.of(new RuntimeException(new SQLTransientConnectionException(
                "eliza - Connection is not available, request timed out after 5000ms")))).isPresent();
        assertThat(DatabaseOutage.of(new SQLException("terminating connection due to crash", "57P02"))).isPresent();
    }

    @Test
    void aFaultOfOursIsNot() {
        assertThat(DatabaseOutage.of(new RuntimeException(new SQLException("duplicate key", "23505")))).isEmpty();
        assertThat(DatabaseOutage.of(new SQLException("no state"))).isEmpty();
        assertThat(DatabaseOutage.of(new NullPointerException())).isEmpty();
    }
}
