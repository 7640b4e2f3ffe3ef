package dev.eliza.media.impl;

import java.util.UUID;

import dev.eliza.media.api.StoredMedia;

/**
 * An upload's answer in 1.7.2's shape ({@code url, type, filename, originalName, size}), plus the {@code id} of
 * {@code /api/media/files/:id}.
 *
 * @param type the category ({@code image}…) on the agent route, the MIME type on the channel routes, as in 1.7.2
 */
public record UploadView(String url, String type, String filename, String originalName, long size, UUID id) {

    static UploadView agent(StoredMedia media) {
        return of(media, MediaTypes.category(media.contentType()));
    }

    static UploadView channel(StoredMedia media) {
        return of(media, media.contentType());
    }

    private static UploadView of(StoredMedia media, String type) {
        return new UploadView(media.url(), type, media.filename(), media.originalName(), media.size(), media.id());
    }
}
