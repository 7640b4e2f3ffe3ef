package dev.eliza.events.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent was deleted: the domains that keep data of their own for it (memories, rooms) drop that data, so an agent
 * created again with the same id starts with nothing of its predecessor.
 *
 * @param agentId the agent that no longer exists
 * @param at when it was deleted
 */
public record AgentDeletedEvent(UUID agentId, Instant at) implements PlatformEvent {
}
