package dev.eliza.it.agents;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.eliza.agents.api.AgentRunner;
import dev.eliza.agents.api.AgentState;
import dev.eliza.agents.api.AgentStatus;

/** A runner that only remembers which agents it was told to run. */
final class MapRunner implements AgentRunner {
    private final Map<UUID, AgentStatus> states = new ConcurrentHashMap<>();

    @Override
    public AgentStatus start(UUID agentId) {
        AgentStatus active = AgentStatus.of(AgentState.ACTIVE);
        states.put(agentId, active);
        return active;
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
