package dev.eliza.agents.impl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;

/** The directory's rules (validation, secrets, merge) over a map instead of PostgreSQL. */
final class FakeAgentDirectory implements AgentDirectory {
    private final Set<UUID> activeIds = new LinkedHashSet<>();
    private final Map<UUID, Agent> agents = new LinkedHashMap<>();
    private final CharacterSecrets secrets = new CharacterSecrets(new SecretCipher("t".getBytes(StandardCharsets.UTF_8)));

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
        ObjectNode stored = character.deepCopy();
        UUID id = stored.has("id") ? UUID.fromString(stored.get("id").asText()) : UUID.randomUUID();
        stored.put("id", id.toString());
        CharacterValidator.validate(stored);
        secrets.encrypt(stored);
        Agent agent = new Agent(id, true, 1000L, 1000L, stored);
        agents.put(id, agent);
        return agent;
    }

    @Override
    public Optional<Agent> update(UUID id, ObjectNode changes) {
        Agent current = agents.get(id);
        if (current == null) {
            return Optional.empty();
        }
        ObjectNode character = current.character();
        CharacterMerge.merge(character, changes);
        CharacterValidator.validate(character);
        Agent updated = new Agent(id, current.enabled(), current.createdAt(), 2000L, character);
        agents.put(id, updated);
        return Optional.of(updated);
    }

    @Override
    public boolean delete(UUID id) {
        return agents.remove(id) != null;
    }

    @Override
    public Map<String, String> secrets(UUID id) {
        return find(id).map(a -> secrets.decrypt(a.character())).orElse(Map.of());
    }

    @Override
    public boolean markActive(UUID id, boolean active) {
        if (!agents.containsKey(id)) {
            return false;
        }
        if (active) {
            activeIds.add(id);
        } else {
            activeIds.remove(id);
        }
        return true;
    }

    @Override
    public List<UUID> activeIds() {
        return List.copyOf(activeIds);
    }
}
