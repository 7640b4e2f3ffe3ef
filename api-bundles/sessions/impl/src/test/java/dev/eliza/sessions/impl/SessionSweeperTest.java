package dev.eliza.sessions.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.eliza.persistence.impl.SharedTestDatabase;
import dev.eliza.sessions.api.SessionEvents;
import dev.eliza.sessions.api.TimeoutConfig;

/** The expiry sweep against a real PostgreSQL: what it removes and warns about, and its one-node-at-a-time lock. */
class SessionSweeperTest {
    private SessionsFixture f;
    private UUID agent;

    @BeforeEach
    void setUp() throws Exception {
        f = new SessionsFixture();
        agent = f.agents.add(true);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private SessionRow session(int timeoutMinutes) {
        return f.sessions.create(agent, UUID.randomUUID(), SessionViews.JSON.createObjectNode(),
                new TimeoutConfig(timeoutMinutes, true, 720, 5), f.messaging);
    }

    @Test
    void expiredSessionsAreRemovedAndTheirRoomsTold() {
        SessionRow shortLived = session(5);
        SessionRow longLived = session(60);
        f.clock.advance(Duration.ofMinutes(5));
        SessionStore.Sweep sweep = new SessionSweeper(f.store, f.clock, f.signals).sweepOnce();
        assertThat(sweep.swept()).isTrue();
        assertThat(sweep.expired()).extracting(SweptRow::sessionId).containsExactly(shortLived.sessionId());
        assertThat(f.store.find(shortLived.sessionId())).isEmpty();
        assertThat(f.store.find(longLived.sessionId())).isPresent();
        assertThat(f.broadcaster.named(SessionEvents.EXPIRED)).singleElement()
                .satisfies(s -> assertThat(s.room()).isEqualTo(shortLived.channelId().toString()));
    }

    @Test
    void aSessionWithinItsWarningThresholdIsWarnedOnceUntilRenewed() {
        SessionRow row = session(10);
        SessionSweeper sweeper = new SessionSweeper(f.store, f.clock, f.signals);
        f.clock.advance(Duration.ofMinutes(6));
        sweeper.sweepOnce();
        sweeper.sweepOnce();
        assertThat(f.broadcaster.named(SessionEvents.EXPIRATION_WARNING)).singleElement()
                .satisfies(s -> assertThat(s.payload().get("timeRemaining")).isEqualTo(240000L));
        f.sessions.renew(row.sessionId().toString());
        f.clock.advance(Duration.ofMinutes(6));
        sweeper.sweepOnce();
        assertThat(f.broadcaster.named(SessionEvents.EXPIRATION_WARNING)).hasSize(2);
    }

    @Test
    void whileAnotherNodeHoldsTheSweepThisOneSkips() throws Exception {
        SessionRow row = session(5);
        f.clock.advance(Duration.ofMinutes(10));
        try (Connection other = SharedTestDatabase.get().dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, SessionStore.SWEEP_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).isTrue();
                }
            }
            SessionStore.Sweep skipped = new SessionSweeper(f.store, f.clock, f.signals).sweepOnce();
            assertThat(skipped.swept()).isFalse();
            assertThat(f.store.find(row.sessionId())).isPresent();
            other.rollback();
        }
        assertThat(new SessionSweeper(f.store, f.clock, f.signals).sweepOnce().expired()).hasSize(1);
    }

    @Test
    void twoSweepersOnOneDatabaseNeverBothSweepASession() throws Exception {
        SessionStore second = SessionsFixture.freshStore();
        for (int round = 0; round < 10; round++) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(session(5).sessionId());
            }
            f.clock.advance(Duration.ofMinutes(6));
            CyclicBarrier start = new CyclicBarrier(2);
            SessionSweeper a = new SessionSweeper(f.store, f.clock, f.signals);
            SessionSweeper b = new SessionSweeper(second, f.clock, f.signals);
            CompletableFuture<SessionStore.Sweep> first = CompletableFuture.supplyAsync(() -> await(start, a));
            CompletableFuture<SessionStore.Sweep> other = CompletableFuture.supplyAsync(() -> await(start, b));
            List<SweptRow> swept = new ArrayList<>(first.join().expired());
            swept.addAll(other.join().expired());
            Set<UUID> unique = new HashSet<>();
            swept.forEach(s -> unique.add(s.sessionId()));
            assertThat(swept).hasSize(20);
            assertThat(unique).containsExactlyInAnyOrderElementsOf(ids);
        }
        assertThat(f.broadcaster.named(SessionEvents.EXPIRED)).hasSize(200);
    }

    private static SessionStore.Sweep await(CyclicBarrier start, SessionSweeper sweeper) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return sweeper.sweepOnce();
    }
}
