package dev.eliza.persistence.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.postgresql.ds.PGSimpleDataSource;

import dev.eliza.persistence.api.Migration;

/** Cluster nodes on the shared test database, each with a listening connection named so that tests can find it. */
final class ClusterTestNodes implements AutoCloseable {
    static final ClusterSettings FAST = new ClusterSettings(Duration.ofMillis(200), Duration.ofMillis(1_500));

    private final List<PostgresCluster> started = new ArrayList<>();

    ClusterTestNodes() {
        SharedTestDatabase.get().migrate("cluster", List.of(new Migration(1, "cluster nodes and payloads",
                resource("db/cluster/V1__cluster_nodes_and_payloads.sql"))));
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

    static String resource(String name) {
        try (InputStream in = ClusterTestNodes.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (PostgresCluster cluster : started) {
            cluster.close();
        }
    }
}
