package dev.eliza.jobs.impl;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic care of the store: follows again the processing jobs nobody here follows (the first run, at
 * activation, is the restart's recovery), and deletes ended jobs whose deadline is older than the retention.
 */
final class JobSweep implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(JobSweep.class);

    private final JobStore store;
    private final JobRunner runner;
    private final Clock clock;
    private final Duration retention;

    JobSweep(JobStore store, JobRunner runner, Clock clock, Duration retention) {
        this.store = store;
        this.runner = runner;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public void run() {
        try {
            runner.recover();
            int purged = store.purge(clock.millis() - retention.toMillis());
            if (purged > 0) {
                LOG.info("Deleted {} ended jobs past the retention of {}", purged, retention);
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and try at the next sweep.
            LOG.warn("The jobs sweep failed; trying again at the next one", e);
        }
    }

    /** A bad setting must not take jobs down: the default applies and the operator is told. */
    static Duration retention(String setting, Duration fallback) {
        if (setting == null || setting.isBlank()) {
            return fallback;
        }
        if (setting.trim().matches("\\d{1,7}")) {
            return Duration.ofMinutes(Long.parseLong(setting.trim()));
        }
        LOG.warn("JOBS_RETENTION_MINUTES={} is not a whole number of minutes; keeping ended jobs {}", setting,
                fallback);
        return fallback;
    }
}
