package dev.eliza.sessions.impl;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Sessions in PostgreSQL. */
final class SessionStore {
    /** The advisory lock key of the expiry sweep ("sessions" as ASCII), shared by every node. */
    static final long SWEEP_LOCK = 0x73657373696f6e73L;

    /** What one sweep did; {@code swept} is false when another node held the sweep. */
    record Sweep(boolean swept, List<SweptRow> expired, List<SweptRow> warned) {
    }

    private final SqlSessionFactory sessions;

    SessionStore(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    void insert(SessionRow row) {
        read(m -> {
            m.insert(row);
            return null;
        });
    }

    Optional<SessionRow> find(UUID id) {
        return Optional.ofNullable(read(m -> m.find(id)));
    }

    List<SessionRow> all() {
        return read(SessionMapper::all);
    }

    boolean update(SessionRow row) {
        return read(m -> m.update(row) > 0);
    }

    boolean delete(UUID id) {
        return read(m -> m.delete(id) > 0);
    }

    /**
     * Removes the sessions expired at {@code now} and flags those about to expire, in one transaction holding the
     * sweep's advisory lock, so two nodes never sweep at once; nothing happens when another node holds it.
     */
    Sweep sweep(Instant now) {
        try (SqlSession session = sessions.openSession(false)) {
            SessionMapper mapper = session.getMapper(SessionMapper.class);
            if (!mapper.trySweepLock(SWEEP_LOCK)) {
                session.rollback(true);
                return new Sweep(false, List.of(), List.of());
            }
            Sweep sweep = new Sweep(true, mapper.deleteExpired(now), mapper.markWarned(now));
            // The changes ran as SELECT ... RETURNING, which MyBatis does not count as writes: force the commit.
            session.commit(true);
            return sweep;
        }
    }

    private <T> T read(Function<SessionMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(SessionMapper.class));
        }
    }
}
