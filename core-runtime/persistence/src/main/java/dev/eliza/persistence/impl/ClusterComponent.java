package dev.eliza.persistence.impl;

import java.sql.SQLException;
import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.http.api.RequestCounters;
import dev.eliza.persistence.api.Cluster;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;
import dev.eliza.persistence.api.PersistenceException;

/**
 * Registers the {@link Cluster} once the {@link Database} is up: applies the {@code cluster} schema, joins with a
 * heartbeat and listens, on a connection outside the pool, for the other nodes' messages. Registers too the
 * {@link RequestCounters} through which the HTTP server's rate limit holds for all nodes.
 */
@Component(immediate = true, service = {})
public final class ClusterComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterComponent.class);

    /** How often a node shares its rate-limit counts: the lag after which a limit holds for the whole cluster. */
    private static final Duration COUNTS_INTERVAL = Duration.ofSeconds(1);

    @Reference
    private Database database;
    private PostgresCluster cluster;
    private ServiceRegistration<Cluster> registration;
    private PostgresRequestCounters counters;
    private ServiceRegistration<RequestCounters> countersRegistration;

    @Activate
    void activate(BundleContext context) {
        database.migrate("cluster", Migration.scan(context.getBundle(), "db/cluster"));
        cluster = new PostgresCluster(database.dataSource(), direct(database), ClusterSettings.from(
                context::getProperty), PostgresCluster.BATCH_SIZE);
        cluster.start();
        registration = context.registerService(Cluster.class, cluster, null);
        database.migrate("rate-limits", Migration.scan(context.getBundle(), "db/rate-limits"));
        counters = new PostgresRequestCounters(database.dataSource(), System::currentTimeMillis);
        counters.start(COUNTS_INTERVAL);
        countersRegistration = context.registerService(RequestCounters.class, counters, null);
        LOG.info("Cluster node {} joined; live nodes: {}", cluster.nodeId(), cluster.liveNodes().size());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        countersRegistration.unregister();
        counters.close();
        registration.unregister();
        cluster.close();
    }

    /** The pool's own pgjdbc DataSource: fresh connections to the same server with the same credentials. */
    static PGSimpleDataSource direct(Database database) {
        try {
            return database.dataSource().unwrap(PGSimpleDataSource.class);
        } catch (SQLException e) {
            throw new PersistenceException("The database pool does not expose its PostgreSQL DataSource", e);
        }
    }
}
