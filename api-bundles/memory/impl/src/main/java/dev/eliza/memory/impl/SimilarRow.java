package dev.eliza.memory.impl;

import java.util.UUID;

/** A memory pgvector found and its cosine similarity; public so MyBatis constructs it. */
public record SimilarRow(UUID id, double similarity) {
}
