package dev.eliza.sessions.impl;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.eliza.http.testing.ResourceSlice;
import dev.eliza.persistence.impl.SharedTestDatabase;

/**
 * The sessions routes over a real PostgreSQL (emptied for each fixture), a movable clock and fake neighbours,
 * served by an HTTP slice exactly as the platform mounts them.
 */
final class SessionsFixture implements AutoCloseable {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T16:49:18.058Z"));
    final FakeMessaging messaging = new FakeMessaging(clock);
    final FakeAgents agents = new FakeAgents();
    final RecordingBroadcaster broadcaster = new RecordingBroadcaster();
    final SessionSignals signals = new SessionSignals(() -> Optional.of(broadcaster));
    final SessionStore store;
    final Sessions sessions;
    final ResourceSlice slice;

    SessionsFixture() throws Exception {
        this(SessionSettings.DEFAULTS);
    }

    SessionsFixture(SessionSettings settings) throws Exception {
        store = freshStore();
        sessions = new Sessions(store, new TimeoutPolicy(settings), clock, signals);
        slice = ResourceSlice.of(SessionsContribution.resources(sessions, agents, messaging, messaging,
                Duration.ofSeconds(5)).toArray());
    }

    /** A store over the shared database with the sessions table migrated and empty. */
    static SessionStore freshStore() throws Exception {
        SharedTestDatabase database = SharedTestDatabase.get();
        database.migrate("sessions", SharedTestDatabase.migrations(SessionsFixture.class.getClassLoader(),
                "db/sessions", "create sessions"));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE sessions");
        }
        return new SessionStore(database.sessionFactory(SessionsFixture.class.getClassLoader(),
                SessionMapper.class));
    }

    @Override
    public void close() throws Exception {
        slice.close();
    }
}
