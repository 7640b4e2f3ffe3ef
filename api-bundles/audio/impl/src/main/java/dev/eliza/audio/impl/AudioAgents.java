package dev.eliza.audio.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.models.api.ProviderSettings;

/**
 * The agent a route speaks for, and its provider settings as ElizaOS layers them (the same rule as the agent
 * runtime's): the process environment, overlaid by the character's text {@code settings}, overlaid by its secrets.
 */
final class AudioAgents {
    private final AgentDirectory directory;
    private final Map<String, String> environment;

    AudioAgents(AgentDirectory directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = Map.copyOf(environment);
    }

    /** 400 for an id that is not a UUID. */
    static UUID id(String given) {
        try {
            UUID id = UUID.fromString(given);
            if (!id.toString().equalsIgnoreCase(given)) {
                throw AudioErrors.invalidId();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw AudioErrors.invalidId();
        }
    }

    Agent find(UUID id) {
        return directory.find(id).orElseThrow(AudioErrors::agentNotFound);
    }

    boolean running(UUID id) {
        return directory.shouldRun(id);
    }

    static List<String> plugins(Agent agent) {
        List<String> plugins = new ArrayList<>();
        agent.character().path("plugins").forEach(p -> plugins.add(p.asText()));
        return plugins;
    }

    ProviderSettings settings(Agent agent) {
        Map<String, String> values = new HashMap<>(environment);
        ObjectNode character = agent.character();
        character.path("settings").fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.isNull()) {
                values.put(field.getKey(), value.asText());
            }
        });
        values.putAll(directory.secrets(agent.id()));
        return new ProviderSettings(values);
    }
}
