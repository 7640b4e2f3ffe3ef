package dev.eliza.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;

/** Agents in memory; only what the runtime calls does anything. */
final class FakeDirectory implements AgentDirectory {
    private static final ObjectMapper JSON = new ObjectMapper();
    final Map<UUID, Agent> agents = new ConcurrentHashMap<>();
    final Map<UUID, Map<String, String>> secrets = new ConcurrentHashMap<>();
    final List<UUID> active = new CopyOnWriteArrayList<>();

    UUID add(String characterJson, boolean enabled) {
        try {
            ObjectNode character = (ObjectNode) JSON.readTree(characterJson);
            UUID id = UUID.randomUUID();
            agents.put(id, new Agent(id, enabled, 0, 0, character));
            return id;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
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
        throw new UnsupportedOperationException("the runtime never creates agents");
    }

    @Override
    public Optional<Agent> update(UUID id, ObjectNode changes) {
        throw new UnsupportedOperationException("the runtime never changes agents");
    }

    @Override
    public boolean delete(UUID id) {
        return agents.remove(id) != null;
    }

    @Override
    public Map<String, String> secrets(UUID id) {
        return secrets.getOrDefault(id, Map.of());
    }

    @Override
    public boolean markActive(UUID id, boolean value) {
        return value ? active.add(id) : active.remove(id);
    }

    @Override
    public List<UUID> activeIds() {
        return List.copyOf(active);
    }
}
