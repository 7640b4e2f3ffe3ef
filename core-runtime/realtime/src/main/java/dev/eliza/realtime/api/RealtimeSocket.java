package dev.eliza.realtime.api;

import java.util.Set;
import java.util.UUID;

/** One connected, authenticated Socket.IO client. */
public interface RealtimeSocket {

    /** The Socket.IO id the client sees as {@code socket.id}. */
    String id();

    /** The {@code auth.entityId} the client connected with. */
    UUID entityId();

    /** Adds the socket to a room. */
    void join(String room);

    /** Removes the socket from a room. */
    void leave(String room);

    /** The rooms the socket is in. */
    Set<String> rooms();

    /** Sends an event to this socket only. */
    void emit(String event, Object... args);

    /**
     * Runs {@code action} once when the socket disconnects (at once if it already has), so a handler can forget
     * what it keeps per socket.
     *
     * @throws UnsupportedOperationException when this socket cannot tell (the default)
     */
    default void onDisconnect(Runnable action) {
        throw new UnsupportedOperationException("This socket does not report its disconnection");
    }
}
