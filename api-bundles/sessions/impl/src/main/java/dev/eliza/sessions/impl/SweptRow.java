package dev.eliza.sessions.impl;

import java.time.Instant;
import java.util.UUID;

/** A session the sweep expired or warned about; public for MyBatis. */
public record SweptRow(UUID sessionId, UUID channelId, Instant expiresAt) {
}
