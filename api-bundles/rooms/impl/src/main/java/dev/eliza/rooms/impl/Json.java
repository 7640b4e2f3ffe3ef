package dev.eliza.rooms.impl;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON text in and out of {@code jsonb} columns; what this bundle writes is always an object. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON object cannot be written", e);
        }
    }

    static Optional<ObjectNode> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((ObjectNode) MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON object cannot be read", e);
        }
    }
}
