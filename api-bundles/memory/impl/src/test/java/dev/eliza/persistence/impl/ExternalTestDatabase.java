package dev.eliza.persistence.impl;

import java.util.List;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSessionFactory;
import org.postgresql.ds.PGSimpleDataSource;

import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;

/**
 * A PostgreSQL named by a {@code POSTGRES_URL}-style address ({@code postgresql://user:pass@host:port/db}), with the
 * persistence bundle's own migrator and MyBatis factories (in this package because they are package-private).
 */
public final class ExternalTestDatabase implements Database {
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    /** The database at {@code url}. */
    public ExternalTestDatabase(String url) {
        PostgresUrl.parse(url).applyTo(dataSource);
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
