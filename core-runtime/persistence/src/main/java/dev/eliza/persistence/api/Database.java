package dev.eliza.persistence.api;

import java.util.List;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The platform's PostgreSQL database, registered as a service once it answers queries.
 *
 * <p>A domain bundle applies its schema with {@link #migrate(String, List)} and then talks to its tables through a
 * {@link #sessionFactory(ClassLoader, Class[])} built from its mapper interfaces:
 *
 * <pre>{@code
 * database.migrate("agents", Migration.scan(bundle, "db/agents"));
 * SqlSessionFactory sessions = database.sessionFactory(getClass().getClassLoader(), AgentMapper.class);
 * }</pre>
 */
public interface Database {

    /** The shared connection pool. */
    DataSource dataSource();

    /** {@code embedded} for the bundled PostgreSQL under the data folder, {@code external} for {@code POSTGRES_URL}. */
    String mode();

    /** Runs a real query; {@code false} when the database does not answer in time. */
    boolean isHealthy();

    /**
     * Applies, in version order and each at most once, the migrations of {@code domain} not yet recorded in the
     * history table. Runs in one transaction under a PostgreSQL advisory lock, so concurrent nodes apply each
     * migration once and a failing migration leaves the schema as it was.
     *
     * @throws PersistenceException when a migration fails
     */
    void migrate(String domain, List<Migration> migrations);

    /**
     * A MyBatis session factory over the shared pool with the given mapper interfaces registered, resolving
     * classes and resources through {@code classLoader} (the calling bundle's).
     */
    SqlSessionFactory sessionFactory(ClassLoader classLoader, Class<?>... mappers);
}
