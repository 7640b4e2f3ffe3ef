package dev.eliza.sdk.testkit.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.eliza.sdk.AgentInfo;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Serves a plugin's agent routes the way the server does: {@code /api/agents/<agentId>/plugins/<segment>} reaches
 * the resource whose class {@code @Path} is {@code /<segment>} only for agents that list the plugin. Public only
 * because Jersey serves public classes; not part of the test kit's API.
 */
@Path("/api/agents/{agentId}/plugins")
public final class AgentRouteLocator {
    private final String pluginId;
    private final Map<String, Object> bySegment;
    private final List<AgentInfo> agents;

    /** A locator for the given resources, keyed by their one-segment class path. */
    public AgentRouteLocator(String pluginId, Map<String, Object> bySegment, List<AgentInfo> agents) {
        this.pluginId = pluginId;
        this.bySegment = Map.copyOf(bySegment);
        this.agents = List.copyOf(agents);
    }

    /** The resource for the segment, or the server's error envelope. */
    @Path("{segment}")
    public Object route(@PathParam("agentId") String agentId, @PathParam("segment") String segment) {
        UUID id;
        try {
            id = UUID.fromString(agentId);
        } catch (IllegalArgumentException e) {
            throw error(400, "INVALID_ID", "Invalid agent ID format");
        }
        Optional<AgentInfo> agent = agents.stream().filter(a -> a.id().equals(id)).findFirst();
        if (agent.isEmpty()) {
            throw error(404, "NOT_FOUND", "Agent not found");
        }
        Object resource = bySegment.get(segment);
        if (resource == null || !agent.get().plugins().contains(pluginId)) {
            throw error(404, "NOT_FOUND", "No plugin route /" + segment + " for this agent");
        }
        return resource;
    }

    private static WebApplicationException error(int status, String code, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("success", false, "error", Map.of("code", code, "message", message))).build());
    }
}
