package dev.eliza.persistence.impl;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.persistence.api.PersistenceException;

/**
 * Keeps the embedded PostgreSQL up: checks it every {@code period} and, when it died without being stopped
 * (killed, crashed), starts it again on the same data folder and port, so that the pool, which keeps the address,
 * reconnects by itself. A failed start is tried again at the next check. Meanwhile the database is unhealthy and
 * its callers get connection errors, which the platform answers with 503.
 */
final class PostmasterWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatcher.class);

    /** What is watched: the embedded server, or a fake in tests. */
    interface Server {
        boolean isRunning();

        void restart();
    }

    private final Server server;
    private final ScheduledExecutorService executor;
    private boolean down;
    private long downSince;

    PostmasterWatcher(Server server, ScheduledExecutorService executor, Duration period) {
        this.server = server;
        this.executor = executor;
        executor.scheduleWithFixedDelay(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (server.isRunning()) {
            return;
        }
        if (!down) {
            down = true;
            downSince = System.nanoTime();
            LOG.warn("The embedded PostgreSQL is no longer running; starting it again on the same data folder");
        }
        try {
            server.restart();
            down = false;
            LOG.info("The embedded PostgreSQL is back after {} ms", (System.nanoTime() - downSince) / 1_000_000);
        } catch (PersistenceException e) {
            LOG.warn("The embedded PostgreSQL did not start again ({}); trying again", e.getMessage());
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: the watch must outlive any surprise
            LOG.warn("Restarting the embedded PostgreSQL failed unexpectedly; trying again", e);
        }
    }

    /** Stops watching and waits for a restart under way, so that the server can be stopped after this returns. */
    @Override
    public void close() {
        // a restart under way is let finish (pg_ctl is bounded): interrupted, it could leave a server nobody stops
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.MINUTES)) {
                LOG.warn("The PostgreSQL watcher did not finish within 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
