package dev.eliza.pluginhost;

import java.util.UUID;
import java.util.regex.Pattern;

import dev.eliza.http.api.ApiException;

/** Agent ids as ElizaOS accepts them: canonical 8-4-4-4-12 hex. */
final class Uuids {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    static boolean isCanonical(String text) {
        return CANONICAL.matcher(text).matches();
    }

    /** The agent id, or the 400 INVALID_ID envelope. */
    static UUID agentId(String text) {
        if (!isCanonical(text)) {
            throw ApiException.badRequest("INVALID_ID", "Invalid agent ID format");
        }
        return UUID.fromString(text);
    }
}
