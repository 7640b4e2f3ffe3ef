package dev.eliza.sdk;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent that started or stopped.
 *
 * @param agentId the agent's id
 * @param agentName the agent's character name
 * @param at when it happened
 */
public record AgentEvent(UUID agentId, String agentName, Instant at) {
}
