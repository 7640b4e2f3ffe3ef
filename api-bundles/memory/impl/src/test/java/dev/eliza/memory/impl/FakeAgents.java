package dev.eliza.memory.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;

/** The agents memories may belong to; only the lookups the memory domain makes are served. */
final class FakeAgents implements AgentDirectory {
    private final Map<UUID, Agent> agents = new ConcurrentHashMap<>();

    UUID add() {
        UUID id = UUID.randomUUID();
        agents.put(id, new Agent(id, true, 1000L, 1000L, MemoryStore.JSON.createObjectNode().put("name", "Fake")));
        return id;
    }

    @Override
    public List<Agent> list() {
        return new ArrayList<>(agents.values());
    }

    @Override
    public long count() {
        return agents.size();
    }

    @Override
    public Optional<Agent> find(UUID id) {
        return Optional.ofNullable(agents.get(id));
    }

    @Override
    public Agent create(ObjectNode character) {
        throw new UnsupportedOperationException("not used by memory");
    }

    @Override
    public Optional<Agent> update(UUID id, ObjectNode changes) {
        throw new UnsupportedOperationException("not used by memory");
    }

    @Override
    public boolean delete(UUID id) {
        return agents.remove(id) != null;
    }

    @Override
    public Map<String, String> secrets(UUID id) {
        return Map.of();
    }

    @Override
    public boolean markActive(UUID id, boolean active) {
        return agents.containsKey(id);
    }

    @Override
    public List<UUID> activeIds() {
        return List.of();
    }
}
