package dev.eliza.agents.api;

import java.util.Optional;

/**
 * Where an agent stands in the runtime.
 *
 * @param state its state
 * @param reason why it is {@link AgentState#FAILED}; empty otherwise
 */
public record AgentStatus(AgentState state, Optional<String> reason) {
    /** The status of an agent that is not running. */
    public static final AgentStatus INACTIVE = new AgentStatus(AgentState.INACTIVE, Optional.empty());

    /** A status without a reason. */
    public static AgentStatus of(AgentState state) {
        return new AgentStatus(state, Optional.empty());
    }
}
