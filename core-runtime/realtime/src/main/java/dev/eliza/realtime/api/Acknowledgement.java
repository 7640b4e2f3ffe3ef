package dev.eliza.realtime.api;

/** The reply to an emission the client sent with a callback; send it at most once. */
public interface Acknowledgement {

    /** Calls the client's callback with {@code args}. */
    void send(Object... args);
}
