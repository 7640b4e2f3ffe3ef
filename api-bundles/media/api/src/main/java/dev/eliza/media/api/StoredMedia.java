package dev.eliza.media.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded file's metadata.
 *
 * @param id the server-assigned id ({@code /api/media/files/:id})
 * @param scope whether it belongs to an agent or a channel
 * @param ownerId the agent's or channel's id
 * @param filename the server-generated file name ({@code <epoch ms>-<9 digits>.<ext>}), unique per owner
 * @param originalName the name the client gave, for display only (never used as a path)
 * @param contentType the accepted MIME type, served back as {@code Content-Type}
 * @param size the length in bytes
 * @param createdAt when the upload completed
 */
public record StoredMedia(UUID id, MediaScope scope, UUID ownerId, String filename, String originalName,
                          String contentType, long size, Instant createdAt) {

    /** The download path, {@code /media/uploads/<scope>/<ownerId>/<filename>}. */
    public String url() {
        return "/media/uploads/" + scope.segment() + "/" + ownerId + "/" + filename;
    }
}
