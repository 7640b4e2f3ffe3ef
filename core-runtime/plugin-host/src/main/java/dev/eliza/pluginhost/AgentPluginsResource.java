package dev.eliza.pluginhost;

import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.ApiException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * {@code /api/agents/<agentId>/plugins/<segment>...}: hands the request to the plugin route owning the segment,
 * if the agent's character lists that plugin; otherwise the ElizaOS 404 envelope.
 */
@Path("/api/agents/{agentId}/plugins")
public final class AgentPluginsResource {
    private final AgentRouteTable routes;
    private final Supplier<Optional<AgentDirectory>> agents;

    AgentPluginsResource(AgentRouteTable routes, Supplier<Optional<AgentDirectory>> agents) {
        this.routes = routes;
        this.agents = agents;
    }

    @Path("{segment}")
    public Object route(@PathParam("agentId") String agentId, @PathParam("segment") String segment)
            throws InterruptedException {
        Agent agent = agents.get().orElseThrow(() -> new ApiException(503, "SERVICE_UNAVAILABLE",
                "The agents module is not running")).find(Uuids.agentId(agentId))
                .orElseThrow(() -> ApiException.notFound("NOT_FOUND", "Agent not found"));
        AgentRouteTable.Entry entry = routes.find(segment).filter(e -> lists(agent, e.pluginId()))
                .orElseThrow(() -> ApiException.notFound("NOT_FOUND",
                        "No plugin route /" + segment + " for this agent"));
        return entry.resource();
    }

    private static boolean lists(Agent agent, String pluginId) {
        for (JsonNode plugin : agent.character().path("plugins")) {
            if (plugin.asText().equals(pluginId)) {
                return true;
            }
        }
        return false;
    }
}
