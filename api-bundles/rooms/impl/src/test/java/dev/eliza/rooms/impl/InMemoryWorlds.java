package dev.eliza.rooms.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentWorld;
import dev.eliza.agents.api.AgentWorlds;

/**
 * The agents' worlds in a map, with the contract's rules (ids unique across agents, only existing agents get new
 * worlds); the SQL store of the agents domain is exercised by {@code RoomsIT}.
 */
final class InMemoryWorlds implements AgentWorlds {
    private final Map<UUID, AgentWorld> worlds = new LinkedHashMap<>();
    private final AgentDirectory agents;
    private long clock = 1_795_452_538_446L;
    /** Thrown by {@link #ensure} when set, as a failing agents domain would. */
    volatile RuntimeException failure;

    InMemoryWorlds(AgentDirectory agents) {
        this.agents = agents;
    }

    @Override
    public synchronized List<AgentWorld> list(Optional<UUID> agentId) {
        return worlds.values().stream().filter(w -> agentId.map(w.agentId()::equals).orElse(true)).toList();
    }

    @Override
    public synchronized Optional<AgentWorld> find(UUID worldId) {
        return Optional.ofNullable(worlds.get(worldId));
    }

    @Override
    public synchronized AgentWorld ensure(UUID worldId, UUID agentId, String name, ObjectNode metadata,
                                          Optional<UUID> messageServerId) {
        if (failure != null) {
            throw failure;
        }
        AgentWorld existing = worlds.get(worldId);
        if (existing != null) {
            return existing;
        }
        if (agents.find(agentId).isEmpty()) {
            throw new NoSuchElementException("Agent not found: " + agentId);
        }
        AgentWorld world = new AgentWorld(worldId, agentId, name, metadata.deepCopy(), messageServerId,
                Instant.ofEpochMilli(clock++));
        worlds.put(worldId, world);
        return world;
    }

    @Override
    public synchronized boolean delete(UUID worldId) {
        return worlds.remove(worldId) != null;
    }
}
