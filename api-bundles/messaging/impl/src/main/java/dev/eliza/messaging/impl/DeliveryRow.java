package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code deliveries}; public so MyBatis constructs it without a failed reflective access. */
public record DeliveryRow(UUID messageId, UUID agentId, String state, String reason, int depth, int attempts,
                          String claimedBy, Instant updatedAt) {
}
