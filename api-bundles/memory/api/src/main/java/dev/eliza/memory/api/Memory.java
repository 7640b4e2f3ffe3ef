package dev.eliza.memory.api;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored memory, in ElizaOS's shape.
 *
 * @param id the memory's id
 * @param agentId the agent that remembers it
 * @param entityId who it is about or from (the author of a message)
 * @param roomId the agent's room it belongs to
 * @param worldId the world of that room, if known
 * @param type the kind of memory, ElizaOS's table name ({@code messages}, {@code facts}, {@code documents}, …)
 * @param content the content as given, with at least {@code text}
 * @param metadata the metadata as given (an empty object when none)
 * @param unique whether it is unique in its room (ElizaOS's flag; messages are)
 * @param createdAt when it was made, epoch milliseconds
 */
public record Memory(UUID id, UUID agentId, UUID entityId, UUID roomId, Optional<UUID> worldId, String type,
                     ObjectNode content, ObjectNode metadata, boolean unique, long createdAt) {

    /** ElizaOS's memory type of messages. */
    public static final String MESSAGES = "messages";

    /** The memory's text ({@code content.text}), empty when it has none. */
    public String text() {
        return content.path("text").asText("");
    }
}
