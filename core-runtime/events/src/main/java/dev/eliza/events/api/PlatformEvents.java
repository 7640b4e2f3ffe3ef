package dev.eliza.events.api;

/**
 * Publishes events to every {@link PlatformEventListener} service registered at the time. Publishing never blocks
 * on a listener and never fails because of one.
 */
public interface PlatformEvents {

    /** Queues {@code event} for each current listener and returns at once. */
    void publish(PlatformEvent event);
}
