package dev.eliza.sessions.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.http.api.ApiException;

/**
 * The twelve typed errors of ElizaOS 1.7.2's sessions API, with its codes, statuses, messages and details; the
 * HTTP bundle renders them as {@code {error:{code,message,timestamp,details}}} (no stack trace).
 */
final class SessionErrors {
    static final String VALIDATION = "VALIDATION_ERROR";

    private SessionErrors() {
    }

    static ApiException sessionNotFound(String id) {
        return new ApiException(404, "SESSION_NOT_FOUND", "Session with ID '" + id + "' not found");
    }

    static ApiException sessionExpired(String id, Instant expiredAt) {
        return new ApiException(410, "SESSION_EXPIRED", "Session with ID '" + id + "' has expired",
                details("sessionId", id, "expiredAt", Iso.of(expiredAt)));
    }

    /**
     * Whether {@code failure} comes from the database (out of reach, say): such failures go on to the platform,
     * which answers 503 with Retry-After, rather than becoming this domain's 500.
     */
    static boolean causedByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    static ApiException sessionCreation(String reason) {
        return new ApiException(500, "SESSION_CREATION_FAILED", "Failed to create session: " + reason,
                details("reason", reason));
    }

    static ApiException agentNotFound(String id) {
        return new ApiException(404, "AGENT_NOT_FOUND", "Agent with ID '" + id + "' not found");
    }

    static ApiException invalidUuid(String field, String value) {
        return new ApiException(400, VALIDATION, "Invalid UUID format for field '" + field + "'",
                details("providedValue", value, "expectedFormat", "UUID v4"));
    }

    static ApiException missingFields(List<String> fields) {
        return new ApiException(400, VALIDATION, "Missing required fields: " + String.join(", ", fields),
                details("missingFields", fields));
    }

    static ApiException invalidContent(String reason) {
        return new ApiException(400, VALIDATION, "Invalid content: " + reason, details("reason", reason));
    }

    static ApiException invalidMetadata(String reason, JsonNode metadata) {
        return new ApiException(400, VALIDATION, "Invalid metadata: " + reason,
                details("reason", reason, "providedMetadata", metadata));
    }

    static ApiException invalidPagination(String parameter, String value, String reason) {
        return new ApiException(400, VALIDATION, "Invalid pagination parameter '" + parameter + "': " + reason,
                details("parameter", parameter, "value", value, "reason", reason));
    }

    static ApiException invalidTimeoutConfig(String reason, JsonNode config) {
        return new ApiException(400, VALIDATION, "Invalid timeout configuration: " + reason,
                details("reason", reason, "providedConfig", config));
    }

    static ApiException renewal(String id, String reason) {
        return new ApiException(400, "SESSION_RENEWAL_FAILED", "Cannot renew session '" + id + "': " + reason,
                details("sessionId", id, "reason", reason));
    }

    static ApiException messageSend(String id, String reason) {
        return new ApiException(500, "MESSAGE_SEND_FAILED", "Failed to send message in session '" + id + "': "
                + reason, details("sessionId", id, "reason", reason));
    }

    /** A body that is not JSON: 415, in this family's envelope rather than the platform's default one. */
    static ApiException unsupportedMediaType() {
        return new ApiException(415, "INVALID_CONTENT_TYPE", "Invalid or missing Content-Type header");
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            details.put((String) pairs[i], pairs[i + 1]);
        }
        return details;
    }
}
