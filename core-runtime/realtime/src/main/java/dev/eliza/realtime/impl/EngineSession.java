package dev.eliza.realtime.impl;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the request checks need to know of one open Engine.IO session, which the library keeps to itself: its
 * current transport and whether a long-poll is waiting.
 */
final class EngineSession {
    private final Runnable close;
    private static final AtomicLong POLLS = new AtomicLong();

    private final AtomicLong waitingPoll = new AtomicLong();
    private volatile String transport;
    private volatile boolean closed;

    EngineSession(String transport, Runnable close) {
        this.transport = transport;
        this.close = close;
    }

    String transport() {
        return transport;
    }

    void upgraded() {
        transport = EngineIoRequestCheck.WEBSOCKET;
    }

    /**
     * Claims the session's one long-poll slot.
     *
     * @return the poll's ticket, or 0 if a poll is already waiting
     */
    long startPoll() {
        long ticket = POLLS.incrementAndGet();
        return waitingPoll.compareAndSet(0, ticket) ? ticket : 0;
    }

    /**
     * Frees the slot held by {@code ticket}, when the library starts answering that poll (before the client can
     * send its next one); a later poll's slot is left alone.
     */
    void endPoll(long ticket) {
        waitingPoll.compareAndSet(ticket, 0);
    }

    boolean pollWaiting() {
        return waitingPoll.get() != 0;
    }

    /** Called when the library has closed the session: it answers none of its requests after that. */
    void markClosed() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the session, as the reference does when a client breaks the protocol. */
    void close() {
        close.run();
    }
}
