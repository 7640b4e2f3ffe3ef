package dev.eliza.memory.impl;

import java.util.UUID;

/** A memory's embedding as stored (little-endian float32); public so MyBatis constructs it. */
public record VectorRow(UUID id, UUID agentId, UUID roomId, String embeddingModel, byte[] embedding) {
}
