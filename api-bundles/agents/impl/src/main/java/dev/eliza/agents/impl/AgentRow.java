package dev.eliza.agents.impl;

import java.time.Instant;
import java.util.UUID;

/** One row of the {@code agents} table; public so MyBatis constructs it without a failed reflective access per row. */
public record AgentRow(UUID id, String name, boolean enabled, String characterJson, Instant createdAt,
                       Instant updatedAt) {
}
