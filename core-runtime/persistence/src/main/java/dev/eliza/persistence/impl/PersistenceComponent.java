package dev.eliza.persistence.impl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;

/**
 * Brings up the platform database (the external server named by {@code POSTGRES_URL}, else the embedded one under
 * {@code DATA_DIR}), pools connections to it, and registers it as the {@link Database} service.
 */
@Component(immediate = true, service = {})
public final class PersistenceComponent implements Database {
    private static final Logger LOG = LoggerFactory.getLogger(PersistenceComponent.class);

    private Optional<EmbeddedPostgres> embedded = Optional.empty();
    private HikariDataSource pool;
    private Migrator migrator;
    private ServiceRegistration<Database> registration;

    @Activate
    void activate(BundleContext context) {
        try {
            PostgresUrl url = database(context);
            pool = pool(url);
            migrator = new Migrator(pool);
            LOG.info("Database: {} PostgreSQL at {}", mode(), url.redacted());
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("mode", mode());
            registration = context.registerService(Database.class, this, properties);
        } catch (RuntimeException e) {
            // SCR calls no deactivate after a failed activate: what was started must go now.
            release();
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        release();
    }

    private PostgresUrl database(BundleContext context) {
        Optional<String> external = Optional.ofNullable(context.getProperty("POSTGRES_URL")).filter(u -> !u.isBlank());
        if (external.isPresent()) {
            return PostgresUrl.parse(external.get());
        }
        Path dataDir = Path.of(Optional.ofNullable(context.getProperty("DATA_DIR")).orElse("data"));
        EmbeddedPostgres server = new EmbeddedPostgres(dataDir.toAbsolutePath(), new ProcessRunner());
        embedded = Optional.of(server);
        return server.start(context.getBundle().getHeaders().get("Eliza-Postgres-Version"));
    }

    private void release() {
        if (pool != null) {
            pool.close();
        }
        embedded.ifPresent(EmbeddedPostgres::stop);
    }

    private static HikariDataSource pool(PostgresUrl url) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setApplicationName("eliza-osgi");
        url.applyTo(source);
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("eliza");
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(30_000);
        return new HikariDataSource(config);
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public String mode() {
        return embedded.isPresent() ? "embedded" : "external";
    }

    @Override
    public boolean isHealthy() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            return statement.execute("SELECT 1");
        } catch (SQLException e) {
            LOG.warn("Database health check failed: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void migrate(String domain, List<Migration> migrations) {
        migrator.migrate(domain, migrations);
    }

    @Override
    public SqlSessionFactory sessionFactory(ClassLoader classLoader, Class<?>... mappers) {
        return SessionFactories.create(pool, classLoader, mappers);
    }
}
