package dev.eliza.pluginhost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Path;

/**
 * The per-agent routes of all started plugins, by first path segment. A segment belongs to one plugin: a plugin
 * claiming a taken one is refused whole. {@code api} is never a plugin's, since the query form of agent routes
 * ({@code /<segment>?agentId=}) would shadow every unknown {@code /api} path.
 */
final class AgentRouteTable {
    /** A route's owner and the resource instance serving it. */
    record Entry(String pluginId, Object resource) {
    }

    private final Map<String, Entry> routes = new ConcurrentHashMap<>();

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
        return Optional.empty();
    }

    void unregister(String pluginId) {
        routes.values().removeIf(entry -> entry.pluginId().equals(pluginId));
    }

    Optional<Entry> find(String segment) {
        return Optional.ofNullable(routes.get(segment));
    }

    /** The first path segments the plugin's agent routes claim, sorted. */
    List<String> segmentsOf(String pluginId) {
        return routes.entrySet().stream().filter(e -> e.getValue().pluginId().equals(pluginId))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
