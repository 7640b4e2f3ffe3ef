package dev.eliza.agents.impl;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentWorld;

/** The agents' worlds; a service inside this bundle so the routes can be tested over an in-memory one. */
interface Worlds {

    /** Every world, or the worlds of one agent, oldest first. */
    List<AgentWorld> list(Optional<UUID> agentId);

    /** Stores a new world of an existing agent. */
    AgentWorld create(UUID agentId, String name, ObjectNode metadata, Optional<UUID> messageServerId);

    /**
     * Renames the agent's world and merges {@code metadata} into its metadata key by key, as 1.7.2 does; empty if
     * the agent has no such world.
     */
    Optional<AgentWorld> update(UUID agentId, UUID worldId, Optional<String> name, Optional<ObjectNode> metadata);
}
