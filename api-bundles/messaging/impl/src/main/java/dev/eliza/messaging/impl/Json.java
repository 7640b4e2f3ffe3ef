package dev.eliza.messaging.impl;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/** JSON text in and out of jsonb columns, and strict UUID text. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Json() {
    }

    static Optional<JsonNode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON cannot be read", e);
        }
    }

    /**
     * Puts stored JSON text as it is, when there is any: PostgreSQL gives back valid JSON, and a listing would
     * otherwise parse every message's JSON only to write it out again.
     */
    static void putStored(ObjectNode view, String field, String text) {
        if (text != null) {
            view.putRawValue(field, new RawValue(text));
        }
    }

    /** {@link #putStored} for a field that is always an object: {@code {}} for no text or text of another kind. */
    static void putStoredObject(ObjectNode view, String field, String text) {
        if (text != null && text.startsWith("{")) {
            view.putRawValue(field, new RawValue(text));
        } else {
            view.set(field, object(text));
        }
    }

    static ObjectNode object(String text) {
        return parse(text).filter(JsonNode::isObject).map(ObjectNode.class::cast).orElseGet(MAPPER::createObjectNode);
    }

    /** The text of a node to store, {@code null} for a missing or JSON-null node. */
    static String write(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON cannot be written", e);
        }
    }

    static Optional<UUID> uuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches() ? Optional.of(UUID.fromString(text))
                : Optional.empty();
    }

    /** The UUID in a text field of {@code body}, if it holds one. */
    static Optional<UUID> uuid(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? uuid(value.asText()) : Optional.empty();
    }
}
