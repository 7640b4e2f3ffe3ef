package dev.eliza.tee.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;

/** Agents by id; only the lookups the TEE routes make are served. */
final class DirectoryOfAgents implements AgentDirectory {
    private final Map<UUID, Agent> agents = new ConcurrentHashMap<>();

    UUID add(String name) {
        UUID id = UUID.randomUUID();
        agents.put(id, new Agent(id, true, 1L, 1L, JsonNodeFactory.instance.objectNode().put("name", name)));
        return id;
    }

    @Override
    public List<Agent> list() {
        return List.copyOf(agents.values());
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
        throw unused();
    }

    @Override
    public Optional<Agent> update(UUID id, ObjectNode changes) {
        throw unused();
    }

    @Override
    public boolean delete(UUID id) {
        throw unused();
    }

    @Override
    public Map<String, String> secrets(UUID id) {
        throw unused();
    }

    @Override
    public boolean markActive(UUID id, boolean active) {
        throw unused();
    }

    @Override
    public List<UUID> activeIds() {
        throw unused();
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by the TEE routes");
    }
}
