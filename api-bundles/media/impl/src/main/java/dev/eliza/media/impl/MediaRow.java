package dev.eliza.media.impl;

import java.time.Instant;
import java.util.UUID;

import dev.eliza.media.api.MediaScope;
import dev.eliza.media.api.StoredMedia;

/** One row of {@code media_files}; public so MyBatis constructs it without a failed reflective access. */
public record MediaRow(UUID id, String scope, UUID ownerId, String filename, String originalName,
                       String contentType, long size, Instant createdAt) {

    static MediaRow of(StoredMedia media) {
        return new MediaRow(media.id(), media.scope().segment(), media.ownerId(), media.filename(),
                media.originalName(), media.contentType(), media.size(), media.createdAt());
    }

    StoredMedia toMedia() {
        return new StoredMedia(id, MediaScope.ofSegment(scope).orElseThrow(), ownerId, filename, originalName,
                contentType, size, createdAt);
    }
}
