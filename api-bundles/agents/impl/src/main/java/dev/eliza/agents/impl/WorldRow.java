package dev.eliza.agents.impl;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code agent_worlds}; public so MyBatis constructs it without a failed reflective access per row. */
public record WorldRow(UUID id, UUID agentId, String name, String metadataJson, UUID messageServerId,
                       Instant createdAt) {
}
