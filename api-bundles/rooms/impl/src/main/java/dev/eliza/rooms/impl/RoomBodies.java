package dev.eliza.rooms.impl;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiException;

/** Request bodies of the room routes, checked before anything is written. */
final class RoomBodies {
    /** Longer names and sources are refused rather than stored: they are labels. */
    static final int MAX_TEXT = 256;

    private RoomBodies() {
    }

    /** A room to create: a name is required, 1.7.2's defaults apply to the rest. */
    static NewRoom newRoom(JsonNode body) {
        JsonNode object = object(body);
        String name = text(object, "name", "Room name")
                .orElseThrow(() -> ApiException.badRequest("MISSING_PARAM", "Room name is required"));
        String type = text(object, "type", "Room type").orElse("DM");
        if (!RoomDirectory.TYPES.contains(type)) {
            throw ApiException.badRequest("BAD_REQUEST", "Room type must be one of " + RoomDirectory.TYPES);
        }
        return new NewRoom(name, type, text(object, "source", "Room source").orElse("client"),
                metadata(object), uuid(object, "worldId"), uuid(object, "serverId"));
    }

    /** The body must be a JSON object (an absent body counts as an empty one). */
    static JsonNode object(JsonNode body) {
        if (body == null || body.isNull()) {
            return Json.object();
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("BAD_REQUEST", "The request body must be a JSON object");
        }
        return body;
    }

    /** A text field; absent, null or blank is empty. */
    static Optional<String> text(JsonNode object, String field, String label) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().length() > MAX_TEXT) {
            throw ApiException.badRequest("BAD_REQUEST", label + " must be a string of at most " + MAX_TEXT
                    + " characters");
        }
        return Optional.of(node.asText());
    }

    static Optional<ObjectNode> metadata(JsonNode object) {
        JsonNode node = object.get("metadata");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!(node instanceof ObjectNode metadata)) {
            throw ApiException.badRequest("BAD_REQUEST", "Room metadata must be an object");
        }
        return Optional.of(metadata);
    }

    static Optional<UUID> uuid(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(RoomRefs.id(node.isTextual() ? node.asText() : node.toString(), field));
    }
}
