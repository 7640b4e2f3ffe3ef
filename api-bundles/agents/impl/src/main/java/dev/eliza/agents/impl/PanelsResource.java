package dev.eliza.agents.impl;

import java.util.List;
import java.util.Map;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentState;
import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/agents/:id/panels} as 1.7.2 answers it ({@code agents_panels*.txt}): panels belong to a running
 * agent, so an agent that does not run is "not found". No plugin here contributes a panel yet, so a running agent
 * has none.
 */
@Path("/api/agents/{agentId}/panels")
@Produces(MediaType.APPLICATION_JSON)
public final class PanelsResource {
    private final AgentDirectory agents;
    private final RunnerGate runner;

    PanelsResource(AgentDirectory agents, RunnerGate runner) {
        this.agents = agents;
        this.runner = runner;
    }

    @GET
    public ApiSuccess<List<Map<String, Object>>> list(@PathParam("agentId") String agentId) {
        Agent agent = AgentRefs.existing(agents, agentId);
        if (runner.statusOf(agent.id()).state() != AgentState.ACTIVE) {
            throw AgentRefs.notFound();
        }
        return ApiSuccess.of(List.of());
    }
}
