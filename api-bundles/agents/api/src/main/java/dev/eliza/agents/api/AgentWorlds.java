package dev.eliza.agents.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The agents' worlds, persisted with their agents (they go when the agent goes) and served at
 * {@code /api/agents/:id/worlds}; the rooms domain files its rooms under them.
 *
 * <pre>{@code
 * AgentWorld world = worlds.ensure(ElizaIds.unique(serverId, agentId), agentId, "Server 00000000",
 *         JsonNodeFactory.instance.objectNode(), Optional.of(serverId));
 * }</pre>
 */
public interface AgentWorlds {

    /** Every world, or the worlds of one agent, oldest first. */
    List<AgentWorld> list(Optional<UUID> agentId);

    /** The world with this id, whichever agent it belongs to. */
    Optional<AgentWorld> find(UUID worldId);

    /**
     * The world with this id, stored first for {@code agentId} when there is none yet. Ids are unique across
     * agents: when another agent's world has this id, that world is returned unchanged. Safe to call concurrently.
     *
     * @throws java.util.NoSuchElementException when there is no such world and no such agent
     */
    AgentWorld ensure(UUID worldId, UUID agentId, String name, ObjectNode metadata, Optional<UUID> messageServerId);

    /** Removes the world (not its rooms, which belong to the rooms domain); {@code false} if there was none. */
    boolean delete(UUID worldId);
}
