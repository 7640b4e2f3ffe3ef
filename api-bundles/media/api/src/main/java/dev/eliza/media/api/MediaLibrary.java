package dev.eliza.media.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * The uploaded files, for other bundles: look one up by id or by its download coordinates, read it, delete it.
 * A service of the media implementation bundle.
 */
public interface MediaLibrary {

    /** The file with this id, if any. */
    Optional<StoredMedia> find(UUID id);

    /** The file {@code filename} of this agent or channel, if any. */
    Optional<StoredMedia> find(MediaScope scope, UUID ownerId, String filename);

    /**
     * The file's bytes, streamed from storage; the caller closes the stream.
     *
     * @throws IOException when the stored content cannot be read (for example it was removed behind the server's
     *                     back)
     */
    InputStream open(StoredMedia media) throws IOException;

    /** Removes the file and its metadata; {@code false} when there was no such file. */
    boolean delete(UUID id);
}
