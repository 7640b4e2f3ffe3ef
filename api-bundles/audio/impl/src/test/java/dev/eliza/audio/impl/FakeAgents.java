package dev.eliza.audio.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;

/** Agents with a name, plugins and settings, and which of them run; only the audio domain's lookups are served. */
final class FakeAgents implements AgentDirectory {
    private final Map<UUID, Agent> agents = new ConcurrentHashMap<>();
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    final Map<String, String> secrets = new ConcurrentHashMap<>();

    UUID add(boolean running, String... plugins) {
        UUID id = UUID.randomUUID();
        ObjectNode character = JsonNodeFactory.instance.objectNode().put("name", "Speaker");
        for (String plugin : plugins) {
            character.withArray("plugins").add(plugin);
        }
        character.putObject("settings").put("ESPEAK_VOICE", "en-gb");
        agents.put(id, new Agent(id, true, 1000L, 1000L, character));
        if (running) {
            active.add(id);
        }
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
        throw new UnsupportedOperationException("not used by audio");
    }

    @Override
    public Optional<Agent> update(UUID id, ObjectNode changes) {
        throw new UnsupportedOperationException("not used by audio");
    }

    @Override
    public boolean delete(UUID id) {
        return agents.remove(id) != null;
    }

    @Override
    public Map<String, String> secrets(UUID id) {
        return Map.copyOf(secrets);
    }

    @Override
    public boolean markActive(UUID id, boolean running) {
        return running ? active.add(id) : active.remove(id);
    }

    @Override
    public List<UUID> activeIds() {
        return List.copyOf(active);
    }
}
