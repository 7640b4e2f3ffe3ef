package dev.eliza.agents.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentRunner;
import dev.eliza.agents.api.AgentState;
import dev.eliza.agents.api.AgentStatus;
import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Start and stop as ElizaOS 1.7.2 answers them ({@code agents_start*.txt}, {@code agents_stop*.txt}). The desired
 * state is written before the runtime is asked, so an agent started while the runtime is away (stopped, being
 * updated) is started by the runtime when it comes back, and one stopped meanwhile is not.
 */
final class AgentLifecycle {
    /** Seconds a client should wait before asking again while the runtime is away; a swap takes well under this. */
    static final String RETRY_AFTER = "5";

    private final AgentDirectory agents;
    private final RunnerGate runner;

    AgentLifecycle(AgentDirectory agents, RunnerGate runner) {
        this.agents = agents;
        this.runner = runner;
    }

    Response start(Agent agent) {
        agents.markActive(agent.id(), true);
        return runner.current().map(current -> started(agent, current.start(agent.id())))
                .orElseGet(AgentLifecycle::runtimeAway);
    }

    Response stop(Agent agent) {
        agents.markActive(agent.id(), false);
        return runner.current().map(current -> stopped(agent, current)).orElseGet(AgentLifecycle::runtimeAway);
    }

    /** Before an agent is deleted it stops answering; without a runtime nothing runs, so nothing needs stopping. */
    void stopBeforeDelete(UUID agentId) {
        agents.markActive(agentId, false);
        runner.current().filter(current -> current.status(agentId).state() != AgentState.INACTIVE)
                .ifPresent(current -> current.stop(agentId));
    }

    /**
     * A start the runtime could not complete is the server's failure, not the client's: 1.7.2 answers it with
     * 500 {@code START_ERROR}, which clients already handle; the reason goes into {@code details}.
     */
    private static Response started(Agent agent, AgentStatus status) {
        if (status.state() == AgentState.FAILED) {
            throw new ApiException(500, "START_ERROR", "Error starting agent", failure(status));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", agent.id().toString());
        data.put("name", agent.name());
        data.put("status", status.state().wire());
        return Response.ok(ApiSuccess.of(data)).build();
    }

    /** 1.7.2 answers the stop of an agent that does not run as if the agent did not exist. */
    private static Response stopped(Agent agent, AgentRunner current) {
        if (current.status(agent.id()).state() == AgentState.INACTIVE) {
            throw ApiException.notFound("NOT_FOUND", "Agent not found");
        }
        AgentStatus status = current.stop(agent.id());
        if (status.state() == AgentState.FAILED) {
            throw new ApiException(500, "STOP_ERROR", "Error stopping agent", failure(status));
        }
        return Response.ok(ApiSuccess.of(Map.of("message", "Agent stopped"))).build();
    }

    private static Map<String, String> failure(AgentStatus status) {
        return Map.of("status", status.state().wire(), "reason", status.reason().orElse("unknown"));
    }

    private static Response runtimeAway() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "SERVICE_UNAVAILABLE");
        error.put("message", "The agent runtime is not available; the agent's desired state is saved");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("success", false);
        envelope.put("error", error);
        return Response.status(503).header("Retry-After", RETRY_AFTER).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(envelope).build();
    }
}
