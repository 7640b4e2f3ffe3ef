package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code channels}; public so MyBatis constructs it without a failed reflective access. */
public record ChannelRow(UUID id, UUID serverId, String name, String type, String sourceType, String metadataJson,
                         Instant createdAt, Instant updatedAt) {
}
