package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Why the publisher sends several notifications per transaction: each transaction is a commit (flushed to disk,
 * as the platform's PostgreSQL runs with {@code fsync} and {@code synchronous_commit} on).
 */
class ClusterBatchingTest {
    private static final int MESSAGES = 2_000;

    private final ClusterTestNodes nodes = new ClusterTestNodes();

    @AfterEach
    void stop() throws InterruptedException {
        nodes.close();
    }

    @Test
    void batchedNotificationsDeliverABurstFasterThanOneTransactionEach() throws Exception {
        long oneByOne = deliver("unbatched", 1);
        long batched = deliver("batched", PostgresCluster.BATCH_SIZE);
        System.out.printf("cluster burst of %d messages: %d ms one per transaction, %d ms batched (%.0f vs %.0f/s)%n",
                MESSAGES, oneByOne, batched, MESSAGES * 1000.0 / oneByOne, MESSAGES * 1000.0 / batched);
        assertThat(batched).isLessThan(oneByOne);
    }

    private long deliver(String name, int batchSize) throws InterruptedException {
        PostgresCluster sender = nodes.start(name + "-sender", batchSize);
        PostgresCluster receiver = nodes.start(name + "-receiver");
        AtomicInteger received = new AtomicInteger();
        receiver.subscribe("burst", (origin, payload) -> received.incrementAndGet());
        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            sender.publish("burst", "message " + i);
        }
        ClusterTestNodes.await(Duration.ofMinutes(2), () -> received.get() == MESSAGES);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
