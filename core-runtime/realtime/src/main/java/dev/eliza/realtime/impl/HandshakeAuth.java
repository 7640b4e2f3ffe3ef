package dev.eliza.realtime.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a Socket.IO CONNECT the way ElizaOS does (a UUID {@code auth.entityId}; {@code SERVER_API_KEY} in
 * {@code auth.apiKey}, the documents' {@code auth.token} or the {@code x-api-key} header when set) and, unlike
 * ElizaOS, also requires {@code ELIZA_SERVER_AUTH_TOKEN} when that is set, so REST and realtime share one
 * authentication.
 */
final class HandshakeAuth {
    static final String BAD_ENTITY = "Valid entityId required";
    static final String BAD_KEY = "Invalid or missing API Key";

    /** Either the authenticated entity or the reason for refusing it. */
    record Outcome(Optional<UUID> entityId, String refusal) {
    }

    private final List<String> requiredKeys;

    HandshakeAuth(List<String> requiredKeys) {
        this.requiredKeys = List.copyOf(requiredKeys);
    }

    static HandshakeAuth from(Function<String, String> properties) {
        return new HandshakeAuth(Stream.of("SERVER_API_KEY", "ELIZA_SERVER_AUTH_TOKEN").map(properties)
                .filter(key -> key != null && !key.isBlank()).toList());
    }

    Outcome check(JsonNode auth, Map<String, List<String>> headers) {
        Optional<UUID> entity = parseUuid(auth.path("entityId").asText(""));
        if (entity.isEmpty()) {
            return new Outcome(Optional.empty(), BAD_ENTITY);
        }
        List<String> presented = Stream.concat(
                Stream.of(textOf(auth.path("apiKey")), textOf(auth.path("token"))),
                headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("x-api-key"))
                        .flatMap(h -> h.getValue().stream())).filter(k -> k != null).toList();
        for (String required : requiredKeys) {
            if (presented.stream().noneMatch(key -> constantTimeEquals(required, key))) {
                return new Outcome(Optional.empty(), BAD_KEY);
            }
        }
        return new Outcome(entity, "");
    }

    /** A key is text; a number or object where a key belongs presents none. */
    private static String textOf(JsonNode value) {
        return value.isTextual() ? value.asText() : null;
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<UUID> parseUuid(String text) {
        if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
