package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code message_servers}; public so MyBatis constructs it without a failed reflective access. */
public record ServerRow(UUID id, String name, String sourceType, String sourceId, String metadataJson,
                        Instant createdAt, Instant updatedAt) {
}
