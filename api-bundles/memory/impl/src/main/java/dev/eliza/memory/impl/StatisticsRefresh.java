package dev.eliza.memory.impl;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has PostgreSQL gather the memories table's statistics again soon after bulk imports. Autovacuum gets to it only on
 * its next round, up to a minute later; until then the planner takes an imported agent for one with a handful of
 * memories, and lists each page by sorting all of them (250 ms a page at 100,000). Imports in a burst share one
 * {@code ANALYZE}, run on the scheduler once none has come for {@link #QUIET}.
 */
final class StatisticsRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsRefresh.class);
    /** Fewer new rows than this leave the plans as they were: sorting a thousand rows is quick. */
    static final int FROM_ROWS = 1_000;
    static final Duration QUIET = Duration.ofSeconds(1);

    private final MemoryStore store;
    private final ScheduledExecutorService scheduler;
    private int added;
    private ScheduledFuture<?> planned;

    StatisticsRefresh(MemoryStore store, ScheduledExecutorService scheduler) {
        this.store = store;
        this.scheduler = scheduler;
    }

    /** Counts {@code rows} just imported, and plans (or puts off) the refresh once there are enough. */
    synchronized void imported(int rows) {
        added += rows;
        if (added < FROM_ROWS) {
            return;
        }
        if (planned != null) {
            planned.cancel(false);
        }
        try {
            planned = scheduler.schedule(this::refresh, QUIET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the domain is stopping; the import itself is committed, and autovacuum will gather the statistics
            planned = null;
        }
    }

    private void refresh() {
        synchronized (this) {
            added = 0;
            planned = null;
        }
        try {
            store.analyze();
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the memories' statistics after an import (autovacuum will): {}",
                    e.getMessage());
        }
    }
}
