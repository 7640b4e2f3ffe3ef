package dev.eliza.memory.impl;

import java.util.UUID;

/** A memory still to embed: whose it is, its room and the text to embed; public so MyBatis constructs it. */
public record PendingRow(UUID id, UUID agentId, UUID roomId, String text) {
}
