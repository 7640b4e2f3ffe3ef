package dev.eliza.persistence.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSessionFactory;
import org.postgresql.ds.PGSimpleDataSource;

import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;

/**
 * A throwaway database made on the PostgreSQL server named by a {@code POSTGRES_URL}-style address
 * ({@code postgresql://user:pass@host:port/db}) and dropped on close, so that a test touches nothing of what the
 * server already holds; with the persistence bundle's own migrator and MyBatis factories (in this package because
 * they are package-private).
 */
public final class ExternalTestDatabase implements Database, AutoCloseable {
    private final PGSimpleDataSource server = new PGSimpleDataSource();
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final String name = "eliza_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    /** Creates a new database on the server at {@code url} (whose user may create databases). */
    public ExternalTestDatabase(String url) throws SQLException {
        PostgresUrl address = PostgresUrl.parse(url);
        address.applyTo(server);
        new PostgresUrl(address.host(), address.port(), name, address.user(), address.password(),
                address.properties()).applyTo(dataSource);
        execute("CREATE DATABASE " + name);
    }

    /** Drops the database, with whatever connections are still open to it. */
    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE " + name + " WITH (FORCE)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String mode() {
        return "external";
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public void migrate(String domain, List<Migration> migrations) {
        new Migrator(dataSource).migrate(domain, migrations);
    }

    @Override
    public SqlSessionFactory sessionFactory(ClassLoader classLoader, Class<?>... mappers) {
        return SessionFactories.create(dataSource, classLoader, mappers);
    }
}
