package dev.eliza.persistence.impl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;

import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Brings up the platform database (the external server named by {@code POSTGRES_URL}, else the embedded one under
 * {@code DATA_DIR}), pools connections to it, and registers it as the {@link Database} service, on a thread of its
 * own so that the rest of the platform starts meanwhile.
 */
@Component(immediate = true, service = {})
public final class PersistenceComponent implements Database {
    private static final Logger LOG = LoggerFactory.getLogger(PersistenceComponent.class);
    private static final Duration STOP_WAIT = Duration.ofMinutes(2);
    private static final Duration WATCH_PERIOD = Duration.ofSeconds(1);

    /**
     * The pool's meters (hikaricp_*): Hikari takes its registry once, before the pool starts, and the platform
     * registry may come later or go, so the pool gets this composite, which the platform registry joins.
     */
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private Optional<EmbeddedPostgres> embedded = Optional.empty();
    private Optional<PostmasterWatcher> watcher = Optional.empty();
    private HikariDataSource pool;
    private Migrator migrator;
    private ServiceRegistration<Database> registration;
    private boolean closed;
    private Thread starter;

    @Activate
    void activate(BundleContext context) {
        // PostgreSQL (unpack, initdb, start, migrations) takes seconds; bringing it up on its own thread lets the
        // HTTP server and the bundles that need no database start meanwhile. Domains wait for the service as usual.
        Thread starter = new Thread(() -> {
            try {
                bringUp(context);
            } catch (RuntimeException e) {
                if (isClosed()) {
                    LOG.info("Database start abandoned: the persistence bundle stopped meanwhile");
                } else {
                    LOG.error("The database could not be brought up: {}", e.getMessage(), e);
                }
            }
        }, "database-start");
        starter.setDaemon(true);
        this.starter = starter;
        starter.start();
    }

    /**
     * Starts or connects to the database, pools it and registers the service; on failure everything started is
     * released and the exception is thrown.
     */
    void bringUp(BundleContext context) {
        try {
            PostgresUrl url = database(context);
            pool = pool(url);
            watcher = embedded.map(PersistenceComponent::watch);
            migrator = new Migrator(pool);
            LOG.info("Database: {} PostgreSQL at {}", mode(), url.redacted());
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("mode", mode());
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the persistence bundle stopped while the database started");
                }
                registration = context.registerService(Database.class, this, properties);
            }
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            closed = true;
        }
        try {
            starter.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (registration == null) {
                return;
            }
            registration.unregister();
            registration = null;
        }
        release();
    }

    private PostgresUrl database(BundleContext context) {
        Optional<String> external = Optional.ofNullable(context.getProperty("POSTGRES_URL")).filter(u -> !u.isBlank());
        if (external.isPresent()) {
            return PostgresUrl.parse(external.get());
        }
        Path dataDir = Path.of(Optional.ofNullable(context.getProperty("DATA_DIR")).orElse("data"));
        Optional<Path> shipped = Optional.ofNullable(context.getProperty("ELIZA_HOME"))
                .map(home -> Path.of(home, "pgsql"));
        EmbeddedPostgres server = new EmbeddedPostgres(dataDir.toAbsolutePath(), shipped, new ProcessRunner());
        embedded = Optional.of(server);
        return server.start(context.getBundle().getHeaders().get("Eliza-Postgres-Version"));
    }

    private static PostmasterWatcher watch(EmbeddedPostgres server) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "postgres-watcher");
            thread.setDaemon(true);
            return thread;
        });
        return new PostmasterWatcher(server, executor, WATCH_PERIOD);
    }

    private void release() {
        // first, so that no restart races the stop below
        watcher.ifPresent(PostmasterWatcher::close);
        if (pool != null) {
            pool.close();
        }
        embedded.ifPresent(EmbeddedPostgres::stop);
    }

    private HikariDataSource pool(PostgresUrl url) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setApplicationName("eliza-osgi");
        url.applyTo(source);
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("eliza");
        config.setMaximumPoolSize(20);
        // Opened as load asks for them: twenty at once made the start wait on twenty logins.
        config.setMinimumIdle(2);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(30_000);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        return new HikariDataSource(config);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMeterRegistry(MeterRegistry registry) {
        meters.add(registry);
    }

    void unbindMeterRegistry(MeterRegistry registry) {
        meters.remove(registry);
        // the platform registry keeps what the composite gave it; gauges of a closed pool must not stay there
        meters.getMeters().forEach(meter -> registry.remove(meter.getId()));
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
