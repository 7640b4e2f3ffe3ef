package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.eliza.persistence.api.PersistenceException;

class PostmasterWatcherTest {
    /** A server that dies on demand and refuses its first {@code failures} restarts. */
    static final class FakeServer implements PostmasterWatcher.Server {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger restarts = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();
        final CountDownLatch back = new CountDownLatch(1);
        private final int failures;

        FakeServer(int failures) {
            this.failures = failures;
        }

        @Override
        public boolean isRunning() {
            checks.incrementAndGet();
            return running.get();
        }

        @Override
        public void restart() {
            if (restarts.incrementAndGet() <= failures) {
                throw new PersistenceException("port in use");
            }
            running.set(true);
            back.countDown();
        }
    }

    @Test
    void aDeadServerIsStartedAgainAndAFailedStartIsRetried() throws Exception {
        FakeServer server = new FakeServer(2);
        try (PostmasterWatcher watcher = new PostmasterWatcher(server, executor(), Duration.ofMillis(10))) {
            server.running.set(false);
            assertThat(server.back.await(10, TimeUnit.SECONDS)).as("restarted").isTrue();
        }
        assertThat(server.restarts).hasValue(3);
        assertThat(server.running).isTrue();
    }

    @Test
    void aRunningServerIsLeftAlone() throws Exception {
        FakeServer server = new FakeServer(0);
        try (PostmasterWatcher watcher = new PostmasterWatcher(server, executor(), Duration.ofMillis(5))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.checks.get() < 20 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertThat(server.checks.get()).isGreaterThanOrEqualTo(20);
        assertThat(server.restarts).hasValue(0);
    }

    @Test
    void afterCloseNothingIsRestarted() {
        FakeServer server = new FakeServer(0);
        ScheduledExecutorService executor = executor();
        new PostmasterWatcher(server, executor, Duration.ofMillis(5)).close();
        server.running.set(false);
        assertThat(executor.isTerminated()).isTrue();
        assertThat(server.restarts).hasValue(0);
    }

    private static ScheduledExecutorService executor() {
        return Executors.newSingleThreadScheduledExecutor();
    }
}
