package dev.eliza.realtime.impl;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.socket.engineio.server.EngineIoSocket;

/**
 * The open Engine.IO sessions by id, followed through the library's socket events.
 *
 * <p>The library writes a polling handshake's answer before it announces the new session, so a quick client can
 * use its sid before {@link #track} ran; a lookup that misses therefore waits for the handshakes in flight.
 */
final class EngineSessions {
    private static final long HANDSHAKE_WAIT_MS = 2_000;

    private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final ReadWriteLock handshakes = new ReentrantReadWriteLock();

    /** Something that handles a handshake request. */
    interface Handshake {
        void run() throws IOException;
    }

    void track(EngineIoSocket socket) {
        String transport = socket.getInitialQuery() == null ? EngineIoRequestCheck.POLLING
                : socket.getInitialQuery().getOrDefault("transport", EngineIoRequestCheck.POLLING);
        EngineSession session = new EngineSession(transport, socket::close);
        sessions.put(socket.getId(), session);
        socket.on("upgrade", (source, args) -> session.upgraded());
        socket.on("close", (source, args) -> {
            session.markClosed();
            sessions.remove(socket.getId(), session);
        });
    }

    /** Runs a polling handshake; lookups that miss wait until it has returned, and so announced its session. */
    void handshake(Handshake handshake) throws IOException {
        handshakes.readLock().lock();
        try {
            handshake.run();
        } finally {
            handshakes.readLock().unlock();
        }
    }

    Optional<EngineSession> find(String sid) {
        EngineSession session = sessions.get(sid);
        if (session != null) {
            return Optional.of(session);
        }
        try {
            if (handshakes.writeLock().tryLock(HANDSHAKE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                handshakes.writeLock().unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.ofNullable(sessions.get(sid));
    }
}
