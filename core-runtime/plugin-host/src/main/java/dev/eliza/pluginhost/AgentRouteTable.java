package dev.eliza.pluginhost;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Path;

/**
 * The per-agent routes of all started plugins, by first path segment. A segment belongs to one plugin: a plugin
 * claiming a taken one is refused whole.
 */
final class AgentRouteTable {
    /** A route's owner and the resource instance serving it. */
    record Entry(String pluginId, Object resource) {
    }

    private final Map<String, Entry> routes = new ConcurrentHashMap<>();

    /** Registers the plugin's resources, or returns why it cannot (nothing is registered then). */
    synchronized Optional<String> register(String pluginId, List<Object> resources) {
        Map<String, Entry> claimed = new java.util.HashMap<>();
        for (Object resource : resources) {
            Path path = resource.getClass().getAnnotation(Path.class);
            String segment = path == null ? "" : path.value().replaceAll("^/+|/+$", "");
            if (segment.isEmpty() || segment.contains("/") || segment.contains("{")) {
                return Optional.of("agent route " + resource.getClass().getName()
                        + " needs a one-segment class @Path such as @Path(\"/weather\")");
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

    List<String> pathsOf(String pluginId) {
        return routes.entrySet().stream().filter(e -> e.getValue().pluginId().equals(pluginId))
                .map(e -> "/api/agents/{agentId}/plugins/" + e.getKey()).sorted().toList();
    }
}
