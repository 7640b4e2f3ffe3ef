package dev.eliza.events.api;

/**
 * Receives platform events; register an instance as an OSGi service and unregister it (or stop its bundle) to stop
 * receiving. Events arrive one at a time, in publication order, on a thread of the events bundle.
 *
 * <pre>{@code
 * @Component
 * public final class StartLogger implements PlatformEventListener {
 *     public void on(PlatformEvent event) {
 *         if (event instanceof AgentLifecycleEvent lifecycle) { ... }
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PlatformEventListener {

    /** Handles one event; an exception is logged and does not stop later deliveries. */
    void on(PlatformEvent event);
}
