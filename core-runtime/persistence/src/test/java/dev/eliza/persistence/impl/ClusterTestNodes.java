package dev.eliza.persistence.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.postgresql.ds.PGSimpleDataSource;

/** Cluster nodes on the shared test database, each with a listening connection named so that tests can find it. */
final class ClusterTestNodes implements AutoCloseable {
    /** Heartbeats every 200 ms; a lease long enough that a node stalled for a second on a busy machine lives on. */
    static final ClusterSettings FAST = new ClusterSettings(Duration.ofMillis(200), Duration.ofSeconds(4));

    private final List<PostgresCluster> started = new ArrayList<>();

    ClusterTestNodes() {
        SharedTestDatabase.get().migrate("cluster", SharedTestDatabase.migrations(
                ClusterTestNodes.class.getClassLoader(), "db/cluster", "cluster nodes and payloads"));
    }

    PostgresCluster start(String listenerName) {
        return start(listenerName, PostgresCluster.BATCH_SIZE);
    }

    PostgresCluster start(String listenerName, int batchSize) {
        PGSimpleDataSource shared = (PGSimpleDataSource) SharedTestDatabase.get().dataSource();
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(shared.getURL());
        direct.setUser(shared.getUser());
        direct.setPassword(shared.getPassword());
        direct.setApplicationName(listenerName);
        PostgresCluster cluster = new PostgresCluster(shared, direct, FAST, batchSize);
        cluster.start();
        started.add(cluster);
        return cluster;
    }

    static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (PostgresCluster cluster : started) {
            cluster.close();
        }
    }
}
