package dev.eliza.agents.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentStatus;

/** The JSON shapes ElizaOS 1.7.2 gives agents on the wire (captures {@code agents_*.txt}). */
final class AgentViews {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> LIST_FIELDS =
            List.of("bio", "messageExamples", "postExamples", "topics", "adjectives", "knowledge", "plugins");

    private AgentViews() {
    }

    /** An entry of {@code GET /api/agents}. */
    static Map<String, Object> summary(Agent agent, AgentStatus status) {
        JsonNode character = agent.character();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", agent.id().toString());
        view.put("name", agent.name());
        view.put("characterName", agent.name());
        JsonNode bio = character.path("bio");
        view.put("bio", bio.isArray() ? bio.path(0).asText("") : bio.asText(""));
        view.put("status", status.state().wire());
        status.reason().ifPresent(reason -> view.put("statusReason", reason));
        return view;
    }

    /** {@code GET /api/agents/{id}} and the answer to {@code PATCH}: server fields, then the character. */
    static ObjectNode full(Agent agent, AgentStatus status) {
        ObjectNode view = NODES.objectNode();
        view.put("id", agent.id().toString());
        view.put("enabled", agent.enabled());
        view.putNull("server_id");
        view.put("createdAt", agent.createdAt());
        view.put("updatedAt", agent.updatedAt());
        ObjectNode character = agent.character();
        character.remove("id");
        view.put("name", agent.name());
        view.put("username", character.path("username").asText(""));
        for (String field : LIST_FIELDS) {
            view.set(field, character.has(field) ? character.get(field) : NODES.arrayNode());
        }
        view.set("settings", character.has("settings") ? character.get("settings") : NODES.objectNode());
        view.set("style", character.has("style") ? character.get("style") : NODES.objectNode());
        character.fields().forEachRemaining(field -> {
            if (!view.has(field.getKey())) {
                view.set(field.getKey(), field.getValue());
            }
        });
        view.put("status", status.state().wire());
        // ElizaOS clients read only status; the reason of a failure rides along in a field they ignore.
        status.reason().ifPresent(reason -> view.put("statusReason", reason));
        return view;
    }

    /** The answer to {@code POST /api/agents}. */
    static Map<String, Object> created(Agent agent) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", agent.id().toString());
        view.put("character", agent.character());
        return view;
    }
}
