package dev.eliza.sessions.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled expiry job: removes expired sessions and warns those about to expire, then tells their rooms.
 * Every node schedules it; the store's advisory lock lets one node at a time do the work.
 */
final class SessionSweeper implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSweeper.class);

    private final SessionStore store;
    private final Clock clock;
    private final SessionSignals signals;

    SessionSweeper(SessionStore store, Clock clock, SessionSignals signals) {
        this.store = store;
        this.clock = clock;
        this.signals = signals;
    }

    /** One sweep; the events go out after its transaction committed. */
    SessionStore.Sweep sweepOnce() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SessionStore.Sweep sweep = store.sweep(now);
        sweep.expired().forEach(signals::expired);
        sweep.warned().forEach(row -> signals.warning(row, now));
        if (!sweep.expired().isEmpty()) {
            LOG.info("Expired {} session(s)", sweep.expired().size());
        }
        return sweep;
    }

    @Override
    public void run() {
        try {
            sweepOnce();
        } catch (RuntimeException e) {
            // A failed round (the database away for a moment) must not cancel the schedule: the next one retries.
            LOG.warn("Session sweep failed: {}", e.toString());
        }
    }
}
