package dev.eliza.media.impl;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** UUIDs in their canonical 36-character form only (what ElizaOS's {@code validateUuid} accepts). */
final class Ids {
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    static Optional<UUID> parse(String raw) {
        return raw != null && UUID_SHAPE.matcher(raw).matches() ? Optional.of(UUID.fromString(raw))
                : Optional.empty();
    }
}
