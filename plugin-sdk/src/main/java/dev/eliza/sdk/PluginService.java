package dev.eliza.sdk;

import org.pf4j.ExtensionPoint;

/**
 * Background work a plugin runs while it is started: a poller, a cache, a client connection. The platform calls
 * {@link #start} after the plugin's routes are served and {@link #stop} before they go (plugin disabled, reloaded,
 * deleted, or the server stopping), always from one thread at a time. If {@code start} throws, the plugin is marked
 * {@code FAILED} with the exception's message and the services already started are stopped. Threads a service
 * creates must end in {@code stop}, or the plugin's classes stay in memory after it is removed.
 *
 * <pre>{@code
 * @Extension
 * public final class Heartbeat implements PluginService {
 *     private ScheduledExecutorService timer;
 *     public void start(PluginContext context) {
 *         timer = Executors.newSingleThreadScheduledExecutor();
 *         timer.scheduleAtFixedRate(() -> context.store().increment("beats", 1), 1, 1, TimeUnit.MINUTES);
 *     }
 *     public void stop() { timer.shutdownNow(); }
 * }
 * }</pre>
 */
public interface PluginService extends ExtensionPoint {

    /** Starts the service; called once per plugin start. */
    void start(PluginContext context) throws Exception;

    /** Stops the service and ends every thread it started. Nothing by default. */
    default void stop() throws Exception {
    }
}
