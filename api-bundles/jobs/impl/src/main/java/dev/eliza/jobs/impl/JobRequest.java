package dev.eliza.jobs.impl;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiException;

/**
 * A checked {@code POST /jobs} body, refused with 1.7.2's messages and in its order.
 *
 * @param agentId the agent asked, empty for the first active one
 * @param timeoutMs how long the job may wait for its answer
 */
record JobRequest(Optional<UUID> agentId, UUID userId, String content, ObjectNode metadata, long timeoutMs) {
    static final int MAX_CONTENT_LENGTH = 50_000;
    static final int MAX_METADATA_SIZE = 10_000;
    static final long DEFAULT_TIMEOUT_MS = 30_000;
    static final long MIN_TIMEOUT_MS = 1_000;
    static final long MAX_TIMEOUT_MS = 300_000;
    /** ElizaOS's {@code validateUuid}: the canonical form only. */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static JobRequest of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("Request body must be an object");
        }
        JsonNode agent = body.get("agentId");
        if (agent != null && !agent.isTextual()) {
            throw bad("agentId must be a valid UUID string");
        }
        if (!body.path("userId").isTextual()) {
            throw bad("userId is required and must be a valid UUID string");
        }
        if (!body.path("content").isTextual()) {
            throw bad("content is required and must be a string");
        }
        String content = body.get("content").asText();
        if (content.isEmpty()) {
            throw bad("content cannot be empty");
        }
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw bad("content exceeds maximum length of " + MAX_CONTENT_LENGTH + " characters");
        }
        ObjectNode metadata = metadata(body.get("metadata"));
        long timeout = timeout(body.get("timeoutMs"));
        UUID user = uuid(body.get("userId").asText()).orElseThrow(
                () -> bad("Invalid userId format (must be valid UUID)"));
        // An empty agentId asks for the first agent, as in 1.7.2, where it is falsy.
        Optional<UUID> agentId = agent == null || agent.asText().isEmpty() ? Optional.empty()
                : Optional.of(uuid(agent.asText()).orElseThrow(
                        () -> bad("Invalid agentId format (must be valid UUID)")));
        return new JobRequest(agentId, user, content, metadata, timeout);
    }

    private static ObjectNode metadata(JsonNode given) {
        if (given == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!given.isObject()) {
            throw bad("metadata must be an object");
        }
        if (given.toString().length() > MAX_METADATA_SIZE) {
            throw bad("metadata exceeds maximum size of " + MAX_METADATA_SIZE + " bytes");
        }
        return (ObjectNode) given;
    }

    private static long timeout(JsonNode given) {
        if (given == null) {
            return DEFAULT_TIMEOUT_MS;
        }
        if (!given.isNumber() || given.asDouble() < 0) {
            throw bad("timeoutMs must be a positive number");
        }
        if (given.asDouble() < MIN_TIMEOUT_MS) {
            throw bad("timeoutMs must be at least " + MIN_TIMEOUT_MS + "ms");
        }
        if (given.asDouble() > MAX_TIMEOUT_MS) {
            throw bad("timeoutMs cannot exceed " + MAX_TIMEOUT_MS + "ms");
        }
        return Math.round(given.asDouble());
    }

    static Optional<UUID> uuid(String text) {
        return UUID_TEXT.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    static ApiException bad(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }
}
