package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code messages}; public so MyBatis constructs it without a failed reflective access. */
public record MessageRow(UUID id, UUID channelId, UUID serverId, UUID authorId, String authorName, String content,
                         String sourceType, String sourceId, String rawMessageJson, String metadataJson,
                         String attachmentsJson, UUID inReplyTo, Instant createdAt, Instant updatedAt) {
}
