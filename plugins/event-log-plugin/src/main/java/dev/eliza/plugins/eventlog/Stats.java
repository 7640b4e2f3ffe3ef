package dev.eliza.plugins.eventlog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.eliza.sdk.PlatformUnavailableException;
import dev.eliza.sdk.PluginContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/plugins/event-log/stats}: event counts, the last event, plugin starts, agents known. */
@Path("/stats")
public final class Stats {
    private static final List<String> KINDS = List.of("messageReceived", "replySent", "agentStarted", "agentStopped");

    private final PluginContext context;

    Stats(PluginContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        Map<String, Long> events = new LinkedHashMap<>();
        for (String kind : KINDS) {
            events.put(kind, context.store().get(EventCounter.PREFIX + kind).map(Long::parseLong).orElse(0L));
        }
        stats.put("events", events);
        stats.put("last", context.store().get("last").orElse(""));
        stats.put("starts", context.store().get("starts").map(Long::parseLong).orElse(0L));
        stats.put("agents", knownAgents());
        return stats;
    }

    private Object knownAgents() {
        try {
            return context.agents().list().stream().map(agent -> agent.name()).toList();
        } catch (PlatformUnavailableException e) {
            return e.getMessage();
        }
    }
}
