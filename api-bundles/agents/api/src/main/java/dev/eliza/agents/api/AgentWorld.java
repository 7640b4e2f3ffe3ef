package dev.eliza.agents.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A world of an agent: ElizaOS groups an agent's rooms into worlds (a message server, a group, the agent itself).
 *
 * @param id the world's id
 * @param agentId the agent it belongs to
 * @param name its name
 * @param metadata its metadata (an empty object when none)
 * @param messageServerId the message server it stands for, if any
 * @param createdAt when it was created, at millisecond precision
 */
public record AgentWorld(UUID id, UUID agentId, String name, ObjectNode metadata, Optional<UUID> messageServerId,
                         Instant createdAt) {
}
