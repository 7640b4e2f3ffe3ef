package dev.eliza.agents.api;

import java.util.UUID;

/**
 * Starts and stops agents; implemented by the agent runtime and registered as a service. The agents domain
 * persists which agents should run ({@link AgentDirectory#markActive(UUID, boolean)}) and the runtime starts them
 * again when it (re)starts, so a restart or a swap of the runtime brings the same agents back.
 */
public interface AgentRunner {

    /** Starts the agent if it is not running and returns once it is active or failed; starting an active agent is a no-op. */
    AgentStatus start(UUID agentId);

    /** Stops the agent if it runs and returns once it is inactive. */
    AgentStatus stop(UUID agentId);

    /** The agent's current status ({@link AgentStatus#INACTIVE} for an agent the runtime does not run). */
    AgentStatus status(UUID agentId);
}
