package dev.eliza.pluginhost;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.eliza.http.api.RouteHolds;

import jakarta.ws.rs.Path;

/**
 * The per-agent routes of all started plugins, by first path segment. A segment belongs to one plugin: a plugin
 * claiming a taken one is refused whole. {@code api} is never a plugin's, since the query form of agent routes
 * ({@code /<segment>?agentId=}) would shadow every unknown {@code /api} path. While a plugin is reloaded its
 * segments are held: a lookup waits (up to the hold time) for the new version instead of finding nothing.
 */
final class AgentRouteTable {
    /** A route's owner and the resource instance serving it. */
    record Entry(String pluginId, Object resource) {
    }

    private final Map<String, Entry> routes = new ConcurrentHashMap<>();
    private final Set<String> holding = new HashSet<>();
    private final Map<String, String> held = new HashMap<>();
    private final Duration maxWait;

    AgentRouteTable(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Holds the plugin's segments from its next unregistering until they are registered again or the hold ends. */
    synchronized RouteHolds.Hold hold(String pluginId) {
        holding.add(pluginId);
        return () -> release(pluginId);
    }

    private synchronized void release(String pluginId) {
        holding.remove(pluginId);
        held.values().removeIf(pluginId::equals);
        notifyAll();
    }

    /** Registers the plugin's resources, or returns why it cannot (nothing is registered then). */
    synchronized Optional<String> register(String pluginId, List<Object> resources) {
        Map<String, Entry> claimed = new HashMap<>();
        for (Object resource : resources) {
            Path path = resource.getClass().getAnnotation(Path.class);
            String segment = path == null ? "" : path.value().replaceAll("^/+|/+$", "");
            if (segment.isEmpty() || segment.contains("/") || segment.contains("{")) {
                return Optional.of("agent route " + resource.getClass().getName()
                        + " needs a one-segment class @Path such as @Path(\"/weather\")");
            }
            if (segment.equals("api")) {
                return Optional.of("agent route /api is reserved: the /api namespace belongs to the platform");
            }
            Entry existing = routes.get(segment);
            if (existing != null || claimed.containsKey(segment)) {
                return Optional.of("agent route /" + segment + " is already served by plugin "
                        + (existing != null ? existing.pluginId() : pluginId));
            }
            claimed.put(segment, new Entry(pluginId, resource));
        }
        routes.putAll(claimed);
        claimed.keySet().forEach(held::remove);
        notifyAll();
        return Optional.empty();
    }

    synchronized void unregister(String pluginId) {
        if (holding.contains(pluginId)) {
            segmentsOf(pluginId).forEach(segment -> held.put(segment, pluginId));
        }
        routes.values().removeIf(entry -> entry.pluginId().equals(pluginId));
    }

    /** The route of {@code segment}; while it is held, waits for it to come back (or for the hold to end). */
    Optional<Entry> find(String segment) throws InterruptedException {
        Entry entry = routes.get(segment);
        if (entry != null) {
            return Optional.of(entry);
        }
        synchronized (this) {
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (!routes.containsKey(segment) && held.containsKey(segment)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return Optional.ofNullable(routes.get(segment));
        }
    }

    /** The first path segments the plugin's agent routes claim, sorted. */
    List<String> segmentsOf(String pluginId) {
        return routes.entrySet().stream().filter(e -> e.getValue().pluginId().equals(pluginId))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
