package dev.eliza.memory.impl;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.ApiException;

/** The checks every memory route makes, with 1.7.2's codes and messages. */
final class Requests {
    static final int MAX_LIMIT = 10_000;
    private static final Pattern UUID_FORMAT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private Requests() {
    }

    /** The id, if {@code text} is one in the 8-4-4-4-12 form (what {@code validateUuid} accepts). */
    static Optional<UUID> uuid(String text) {
        return text != null && UUID_FORMAT.matcher(text).matches() ? Optional.of(UUID.fromString(text))
                : Optional.empty();
    }

    static UUID id(String text, String message) {
        return uuid(text).orElseThrow(() -> ApiException.badRequest("INVALID_ID", message));
    }

    /** The agent's id, after checking that it is an id and that the agent exists. */
    static UUID agent(AgentDirectory agents, String text, String invalidMessage) {
        UUID id = id(text, invalidMessage);
        if (!agents.exists(id)) {
            throw ApiException.notFound("NOT_FOUND", "Agent not found");
        }
        return id;
    }

    static int limit(String text, int fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        if (!INTEGER.matcher(text).matches() || Long.parseLong(text) < 1 || Long.parseLong(text) > MAX_LIMIT) {
            throw ApiException.badRequest("BAD_REQUEST", "limit must be an integer from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(text);
    }

    /** An optional epoch-millisecond bound such as {@code before} or {@code after}. */
    static Optional<Long> millis(String name, String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (!INTEGER.matcher(text).matches()) {
            throw ApiException.badRequest("BAD_REQUEST", name + " must be a time in epoch milliseconds");
        }
        return Optional.of(Long.parseLong(text));
    }

    static double threshold(String text, double fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= -1 && value <= 1)) {
            throw ApiException.badRequest("BAD_REQUEST", "threshold must be a number from -1 to 1");
        }
        return value;
    }
}
