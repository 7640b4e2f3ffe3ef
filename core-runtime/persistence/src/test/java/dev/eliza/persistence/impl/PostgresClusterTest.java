package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.eliza.persistence.api.Cluster.ClusterListener;

/** Two {@link PostgresCluster} nodes on one real PostgreSQL. */
class PostgresClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ClusterTestNodes nodes = new ClusterTestNodes();

    @AfterEach
    void stop() throws InterruptedException {
        nodes.close();
    }

    @Test
    void aNodeReceivesTheOthersMessagesInOrderAndNeverItsOwn() throws Exception {
        PostgresCluster a = nodes.start("order-a");
        PostgresCluster b = nodes.start("order-b");
        List<String> atB = new CopyOnWriteArrayList<>();
        List<String> atA = new CopyOnWriteArrayList<>();
        b.subscribe("order", (origin, payload) -> atB.add(origin + "/" + payload));
        a.subscribe("order", (origin, payload) -> atA.add(payload));
        b.subscribe("other", (origin, payload) -> atB.add("wrong topic " + payload));
        // identical payloads too: PostgreSQL would fold them within one transaction without the sequence numbers
        List<String> sent = IntStream.range(0, 1_000).mapToObj(i -> i % 10 == 0 ? "same" : "m" + i).toList();
        sent.forEach(payload -> a.publish("order", payload));

        ClusterTestNodes.await(WAIT, () -> atB.size() >= sent.size());
        assertThat(atB).containsExactlyElementsOf(sent.stream().map(p -> a.nodeId() + "/" + p).toList());
        b.publish("order", "from b");
        ClusterTestNodes.await(WAIT, () -> atA.contains("from b"));
        assertThat(atA).containsExactly("from b");
    }

    @Test
    void payloadsOverTheNotifyLimitArriveWhole() throws Exception {
        PostgresCluster a = nodes.start("large-a");
        PostgresCluster b = nodes.start("large-b");
        List<String> received = new CopyOnWriteArrayList<>();
        b.subscribe("large", (origin, payload) -> received.add(payload));
        String big = "x".repeat(200_000);
        String multibyte = "é".repeat(3_990);
        String justInline = "y".repeat(ClusterEnvelope.MAX_INLINE_BYTES - 100);
        List<String> sent = List.of(big, "small", multibyte, justInline);
        sent.forEach(payload -> a.publish("large", payload));

        ClusterTestNodes.await(WAIT, () -> received.size() >= sent.size());
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void aTerminatedListeningBackendReconnectsResyncsAndReceivesAgain() throws Exception {
        PostgresCluster a = nodes.start("terminate-a");
        PostgresCluster b = nodes.start("terminate-b");
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger resyncs = new AtomicInteger();
        b.subscribe("reconnect", new ClusterListener() {
            @Override
            public void received(String origin, String payload) {
                received.add(payload);
            }

            @Override
            public void resync() {
                resyncs.incrementAndGet();
            }
        });
        a.publish("reconnect", "before");
        ClusterTestNodes.await(WAIT, () -> received.contains("before"));

        assertThat(terminateBackendsOf("terminate-b")).isEqualTo(1);
        ClusterTestNodes.await(WAIT, () -> resyncs.get() == 1);
        a.publish("reconnect", "after");
        ClusterTestNodes.await(WAIT, () -> received.contains("after"));
        assertThat(received).containsExactly("before", "after");
    }

    @Test
    void exclusiveWorkOfOneNameRunsOnOneNodeAtATime() throws Exception {
        PostgresCluster a = nodes.start("lock-a");
        PostgresCluster b = nodes.start("lock-b");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> atA = CompletableFuture.supplyAsync(() -> a.runExclusive("sweep", () -> {
            running.countDown();
            await(release);
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(b.runExclusive("sweep", () -> {
            throw new AssertionError("ran while the other node held the lock");
        })).isFalse();
        assertThat(a.runExclusive("sweep", () -> {
            throw new AssertionError("ran while another thread held the lock");
        })).isFalse();
        AtomicInteger otherName = new AtomicInteger();
        assertThat(b.runExclusive("other", otherName::incrementAndGet)).isTrue();
        release.countDown();
        assertThat(atA.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(b.runExclusive("sweep", otherName::incrementAndGet)).isTrue();
        assertThat(otherName).hasValue(2);
    }

    @Test
    void liveNodesHoldTheOthersUntilTheyStopHeartbeating() throws Exception {
        PostgresCluster a = nodes.start("live-a");
        assertThat(a.liveNodes()).contains(a.nodeId());
        PostgresCluster b = nodes.start("live-b");
        ClusterTestNodes.await(WAIT, () -> a.liveNodes().contains(b.nodeId()));

        String silent = UUID.randomUUID().toString();
        try (Connection connection = SharedTestDatabase.get().dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO cluster_nodes (node_id) VALUES (?)")) {
            insert.setString(1, silent);
            insert.executeUpdate();
        }
        ClusterTestNodes.await(WAIT, () -> a.liveNodes().contains(silent));
        ClusterTestNodes.await(WAIT, () -> !a.liveNodes().contains(silent));
        assertThat(a.liveNodes()).contains(a.nodeId(), b.nodeId());

        b.close();
        ClusterTestNodes.await(WAIT, () -> !a.liveNodes().contains(b.nodeId()));
    }

    private static int terminateBackendsOf(String applicationName) throws Exception {
        try (Connection connection = SharedTestDatabase.get().dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE application_name = '" + applicationName + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
