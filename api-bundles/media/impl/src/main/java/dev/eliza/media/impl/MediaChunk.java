package dev.eliza.media.impl;

/** One row of {@code media_chunks}; public so MyBatis constructs it without a failed reflective access. */
public record MediaChunk(int seq, byte[] bytes) {
}
