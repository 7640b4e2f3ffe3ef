package dev.eliza.messaging.impl;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiException;

/** The messaging family's client errors, rendered as {@code {success:false,error:"…"}}, and body access. */
final class Errors {
    private Errors() {
    }

    static ApiException bad(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    /** A path id, or 400 with {@code "Invalid <name>"}. */
    static UUID id(String text, String message) {
        return Json.uuid(text).orElseThrow(() -> bad(message));
    }

    /** The request body as an object; no body counts as an empty one, any other JSON value is refused. */
    static ObjectNode body(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return Json.MAPPER.createObjectNode();
        }
        if (!body.isObject()) {
            throw bad("Request body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    static Optional<ObjectNode> object(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isObject() ? Optional.of((ObjectNode) value) : Optional.empty();
    }
}
