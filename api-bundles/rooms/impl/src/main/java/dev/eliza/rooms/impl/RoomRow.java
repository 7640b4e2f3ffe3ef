package dev.eliza.rooms.impl;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code rooms}; public so MyBatis constructs it without a failed reflective access per row. */
public record RoomRow(UUID id, UUID agentId, String name, UUID channelId, UUID messageServerId, UUID worldId,
                      String type, String source, String metadataJson, Instant createdAt) {
}
