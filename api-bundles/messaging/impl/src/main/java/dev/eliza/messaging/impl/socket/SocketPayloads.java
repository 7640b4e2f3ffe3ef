package dev.eliza.messaging.impl.socket;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Reads the fields of ElizaOS socket payloads, which clients send loosely typed. */
final class SocketPayloads {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SocketPayloads() {
    }

    /** The event's first argument when it is an object, otherwise a missing node (every field then reads absent). */
    static JsonNode first(List<JsonNode> args) {
        return args.isEmpty() || !args.get(0).isObject() ? MissingNode.getInstance() : args.get(0);
    }

    /** The first of {@code names} that holds non-blank text. */
    static Optional<String> text(JsonNode payload, String... names) {
        for (String name : names) {
            JsonNode value = payload.path(name);
            if (value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    /** The first of {@code names} that holds text, as a UUID; empty when absent or not a UUID. */
    static Optional<UUID> uuid(JsonNode payload, String... names) {
        return text(payload, names).filter(t -> UUID_TEXT.matcher(t).matches()).map(UUID::fromString);
    }
}
