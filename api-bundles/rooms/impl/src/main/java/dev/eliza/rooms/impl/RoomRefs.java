package dev.eliza.rooms.impl;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.ApiException;

/** The ids in room paths and bodies, checked the way 1.7.2 checks them: a bad id is 400, an unknown one 404. */
final class RoomRefs {
    /** Canonical UUID text (8-4-4-4-12 hex), which {@link UUID#fromString} does not enforce. */
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RoomRefs() {
    }

    static Optional<UUID> parse(String text) {
        return text != null && CANONICAL.matcher(text).matches() ? Optional.of(UUID.fromString(text))
                : Optional.empty();
    }

    /** An id of any kind; {@code what} names it in the 400 ("room ID", "serverId"). */
    static UUID id(String text, String what) {
        return parse(text).orElseThrow(() -> ApiException.badRequest("INVALID_ID", "Invalid " + what + " format"));
    }

    /** The id of an agent that exists. */
    static UUID agent(AgentDirectory agents, String text) {
        UUID id = id(text, "agent ID");
        if (!agents.exists(id)) {
            throw agentNotFound();
        }
        return id;
    }

    static ApiException agentNotFound() {
        return ApiException.notFound("NOT_FOUND", "Agent not found");
    }

    static ApiException roomNotFound() {
        return ApiException.notFound("NOT_FOUND", "Room not found");
    }
}
