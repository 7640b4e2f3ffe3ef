package dev.eliza.memory.impl;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiException;
import dev.eliza.memory.api.Memory;
import dev.eliza.models.api.Embedding;

/**
 * Reads a memory in ElizaOS's shape ({@code {id?, content:{text,…}, roomId?, entityId?, worldId?, metadata?, type?,
 * unique?, createdAt?, embedding?, embeddingModel?}}) for an agent, refusing what it cannot store with a 400 that
 * says where ({@code where} prefixes the field names, e.g. {@code memories[3].}).
 */
final class MemoryBodies {
    /** Longer texts are refused: a memory is a message or a fact, and the embedder reads only the start. */
    static final int MAX_TEXT = 100_000;
    static final int MAX_TYPE = 64;

    private final Clock clock;

    MemoryBodies(Clock clock) {
        this.clock = clock;
    }

    /** The memory and, when the body carries one with its model, its embedding. */
    Stored read(UUID agentId, JsonNode body, String where) {
        if (!(body instanceof ObjectNode object)) {
            throw bad(where.isEmpty() ? "The memory must be a JSON object" : where + " must be an object");
        }
        if (!(object.get("content") instanceof ObjectNode content) || !content.path("text").isTextual()) {
            throw bad(where + "content.text is required (a string)");
        }
        if (content.get("text").asText().length() > MAX_TEXT) {
            throw bad(where + "content.text is longer than " + MAX_TEXT + " characters");
        }
        UUID id = optionalId(object, "id", where).orElseGet(UUID::randomUUID);
        UUID roomId = optionalId(object, "roomId", where).orElse(agentId);
        UUID entityId = optionalId(object, "entityId", where).orElse(agentId);
        Optional<UUID> worldId = optionalId(object, "worldId", where);
        JsonNode metadata = object.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw bad(where + "metadata must be an object");
        }
        String type = text(object, "type", where).orElse(Memory.MESSAGES);
        if (type.isBlank() || type.length() > MAX_TYPE) {
            throw bad(where + "type must be a name of at most " + MAX_TYPE + " characters");
        }
        JsonNode unique = object.get("unique");
        if (unique != null && !unique.isNull() && !unique.isBoolean()) {
            throw bad(where + "unique must be a boolean");
        }
        JsonNode createdAt = object.get("createdAt");
        if (createdAt != null && !createdAt.isNull() && !createdAt.canConvertToExactIntegral()) {
            throw bad(where + "createdAt must be a time in epoch milliseconds");
        }
        Memory memory = new Memory(id, agentId, entityId, roomId, worldId, type, content.deepCopy(),
                metadata instanceof ObjectNode m ? m.deepCopy() : JsonNodeFactory.instance.objectNode(),
                unique != null && unique.asBoolean(), createdAt == null || createdAt.isNull() ? clock.millis()
                : createdAt.asLong());
        return new Stored(memory, embedding(object, where));
    }

    private static Optional<Embedding> embedding(ObjectNode object, String where) {
        JsonNode vector = object.get("embedding");
        if (vector == null || vector.isNull()) {
            return Optional.empty();
        }
        if (!vector.isArray() || vector.isEmpty() || vector.size() > 8192) {
            throw bad(where + "embedding must be an array of 1 to 8192 numbers");
        }
        float[] values = new float[vector.size()];
        for (int i = 0; i < values.length; i++) {
            if (!vector.get(i).isNumber()) {
                throw bad(where + "embedding must be an array of numbers");
            }
            values[i] = vector.get(i).floatValue();
        }
        // A vector without the name of its model cannot be compared with anything: it is made again instead.
        return text(object, "embeddingModel", where).map(model -> new Embedding(values, model));
    }

    private static Optional<UUID> optionalId(ObjectNode object, String field, String where) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Optional<UUID> id = node.isTextual() ? Requests.uuid(node.asText()) : Optional.empty();
        return Optional.of(id.orElseThrow(() -> ApiException.badRequest("INVALID_ID", "Invalid " + where + field
                + " format")));
    }

    private static Optional<String> text(ObjectNode object, String field, String where) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw bad(where + field + " must be a string");
        }
        return Optional.of(node.asText());
    }

    static ApiException bad(String message) {
        return ApiException.badRequest("BAD_REQUEST", message);
    }
}
