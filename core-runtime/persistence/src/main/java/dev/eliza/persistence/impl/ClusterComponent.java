package dev.eliza.persistence.impl;

import java.sql.SQLException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.persistence.api.Cluster;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;
import dev.eliza.persistence.api.PersistenceException;

/**
 * Registers the {@link Cluster} once the {@link Database} is up: applies the {@code cluster} schema, joins with a
 * heartbeat and listens, on a connection outside the pool, for the other nodes' messages.
 */
@Component(immediate = true, service = {})
public final class ClusterComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterComponent.class);

    @Reference
    private Database database;
    private PostgresCluster cluster;
    private ServiceRegistration<Cluster> registration;

    @Activate
    void activate(BundleContext context) {
        database.migrate("cluster", Migration.scan(context.getBundle(), "db/cluster"));
        cluster = new PostgresCluster(database.dataSource(), direct(database), ClusterSettings.from(
                context::getProperty), PostgresCluster.BATCH_SIZE);
        cluster.start();
        registration = context.registerService(Cluster.class, cluster, null);
        LOG.info("Cluster node {} joined; live nodes: {}", cluster.nodeId(), cluster.liveNodes().size());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
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
