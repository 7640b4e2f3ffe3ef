package dev.eliza.agents.impl;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code agent_logs}; public so MyBatis constructs it without a failed reflective access per row. */
public record LogRow(UUID id, UUID agentId, UUID entityId, UUID roomId, String type, String bodyJson,
                     Instant createdAt) {
}
