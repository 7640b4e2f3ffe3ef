package dev.eliza.tee.impl;

import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.http.api.ApiException;

/**
 * Reads and checks the JSON bodies of the TEE routes. Nonces and paths are restricted to printable ASCII that JSON
 * never escapes, so the signed canonical bytes are the same in every language.
 */
final class TeeRequests {
    static final Pattern NONCE = Pattern.compile("[A-Za-z0-9+/=_.:-]{8,512}");
    static final Pattern PATH = Pattern.compile("[A-Za-z0-9/'._:-]{1,256}");
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private TeeRequests() {
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("INVALID_REQUEST", "A JSON object body is required");
        }
        return body;
    }

    static UUID agentId(String raw) {
        if (raw == null || !UUID_SHAPE.matcher(raw).matches()) {
            throw ApiException.badRequest("INVALID_ID", "Invalid agent ID format");
        }
        return UUID.fromString(raw);
    }

    static UUID agentId(JsonNode body) {
        JsonNode id = body.get("agentId");
        if (id == null || id.isNull()) {
            throw ApiException.badRequest("MISSING_PARAM", "agentId is required");
        }
        return agentId(id.isTextual() ? id.asText() : null);
    }

    static String text(JsonNode body, String field, Pattern shape, String rule) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("MISSING_PARAM", field + " is required");
        }
        if (!value.isTextual() || !shape.matcher(value.asText()).matches()) {
            throw ApiException.badRequest("INVALID_INPUT", field + " must be " + rule);
        }
        return value.asText();
    }
}
