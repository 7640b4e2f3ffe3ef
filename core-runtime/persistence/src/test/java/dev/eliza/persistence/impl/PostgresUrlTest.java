package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {
    @Test
    void readsElizaStyleUrlsWithEncodedCredentials() {
        PostgresUrl url = PostgresUrl.parse("postgresql://eliza:p%40ss@db.internal:5433/agents");
        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.database()).isEqualTo("agents");
        assertThat(url.user()).contains("eliza");
        assertThat(url.password()).contains("p@ss");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/agents").doesNotContain("p@ss");
    }

    @Test
    void readsJdbcUrlsAndDefaultsThePort() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://h/db?sslmode=require");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.user()).isEmpty();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?sslmode=require");
        assertThat(PostgresUrl.parse("postgres://h").database()).isEqualTo("postgres");
    }

    @Test
    void refusesOtherDatabases() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://h/db")).isInstanceOf(IllegalArgumentException.class);
    }
}
