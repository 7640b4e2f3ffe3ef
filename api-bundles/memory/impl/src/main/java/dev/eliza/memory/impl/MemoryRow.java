package dev.eliza.memory.impl;

import java.util.UUID;

/**
 * One row of {@code memories}; {@code embedding} and {@code embeddingModel} are null when not asked for or not
 * made yet. Public so MyBatis constructs it by its constructor.
 */
public record MemoryRow(UUID id, UUID agentId, UUID entityId, UUID roomId, UUID worldId, String type,
                        String contentJson, String metadataJson, boolean isUnique, long createdAt, byte[] embedding,
                        String embeddingModel) {
}
