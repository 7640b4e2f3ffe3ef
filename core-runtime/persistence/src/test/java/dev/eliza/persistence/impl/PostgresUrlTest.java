package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresUrlTest {
    @Test
    void readsElizaStyleUrlsWithEncodedCredentials() {
        PostgresUrl url = PostgresUrl.parse("postgresql://eliza:p%40ss@db.internal:5433/agents");
        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.database()).isEqualTo("agents");
        assertThat(url.user()).contains("eliza");
        assertThat(url.password()).contains("p@ss");
        assertThat(url.redacted()).isEqualTo("jdbc:postgresql://db.internal:5433/agents").doesNotContain("p@ss");
    }

    @Test
    void readsJdbcUrlsAndDefaultsThePort() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://h/db?sslmode=require");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.user()).isEmpty();
        assertThat(url.redacted()).isEqualTo("jdbc:postgresql://h:5432/db?sslmode=require");
        assertThat(PostgresUrl.parse("postgres://h").database()).isEqualTo("postgres");
    }

    @Test
    void aPlusInThePasswordStaysAPlus() {
        PostgresUrl url = PostgresUrl.parse("postgresql://u:a+b%2Bc%20d@h/db");
        assertThat(url.password()).contains("a+b+c d");
    }

    @Test
    void queryParametersReachTheDataSource() throws Exception {
        PostgresUrl url = PostgresUrl.parse("postgresql://u@h/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem"
                + "&options=-c%20search_path%3Deliza&connectTimeout=7");
        PGSimpleDataSource source = new PGSimpleDataSource();
        url.applyTo(source);
        assertThat(source.getSslMode()).isEqualTo("verify-full");
        assertThat(source.getProperty("sslrootcert")).isEqualTo("/etc/ca.pem");
        assertThat(source.getConnectTimeout()).isEqualTo(7);
        assertThat(source.getOptions()).isEqualTo(PostgresUrl.BASE_OPTIONS + " -c search_path=eliza");
        assertThat(source.getServerNames()).containsExactly("h");
        assertThat(source.getUser()).isEqualTo("u");
    }

    @Test
    void withoutOptionsTheStatementTimeoutIsStillSet() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        PostgresUrl.parse("postgresql://h/db").applyTo(source);
        assertThat(source.getOptions()).isEqualTo(PostgresUrl.BASE_OPTIONS);
    }

    @Test
    void credentialsInTheQueryAreCredentialsAndNeverLogged() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://h/db?user=app&password=s3cret&sslpassword=k3y"
                + "&sslmode=require");
        assertThat(url.user()).contains("app");
        assertThat(url.password()).contains("s3cret");
        assertThat(url.properties()).doesNotContainKeys("user", "password");
        assertThat(url.redacted()).isEqualTo("jdbc:postgresql://h:5432/db?sslpassword=***&sslmode=require");
        assertThat(url.toString()).doesNotContain("s3cret").doesNotContain("k3y");
    }

    @Test
    void anUnknownParameterIsRefusedByName() {
        PostgresUrl url = PostgresUrl.parse("postgresql://h/db?sslmod=require");
        assertThatThrownBy(() -> url.applyTo(new PGSimpleDataSource()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sslmod'");
    }

    @Test
    void aMalformedUrlIsRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u:pa ss@h/db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid URL")
                .hasMessageNotContaining("pa ss");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u:p%zz@h/db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("p%zz");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql:///db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host");
    }

    @Test
    void refusesOtherDatabases() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://h/db")).isInstanceOf(IllegalArgumentException.class);
    }
}
