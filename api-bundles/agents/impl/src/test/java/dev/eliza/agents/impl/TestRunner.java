package dev.eliza.agents.impl;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.eliza.agents.api.AgentRunner;
import dev.eliza.agents.api.AgentState;
import dev.eliza.agents.api.AgentStatus;

/** A runner that keeps states in a map; {@link #failWith} makes the next starts fail with a reason. */
final class TestRunner implements AgentRunner {
    private final Map<UUID, AgentStatus> states = new ConcurrentHashMap<>();
    private volatile Optional<String> failure = Optional.empty();

    void failWith(String reason) {
        failure = Optional.of(reason);
    }

    @Override
    public AgentStatus start(UUID agentId) {
        AgentStatus status = failure.map(reason -> new AgentStatus(AgentState.FAILED, Optional.of(reason)))
                .orElse(AgentStatus.of(AgentState.ACTIVE));
        states.put(agentId, status);
        return status;
    }

    @Override
    public AgentStatus stop(UUID agentId) {
        states.remove(agentId);
        return AgentStatus.INACTIVE;
    }

    @Override
    public AgentStatus status(UUID agentId) {
        return states.getOrDefault(agentId, AgentStatus.INACTIVE);
    }
}
