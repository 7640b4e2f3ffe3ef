package dev.eliza.media.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.media.api.MediaLibrary;
import dev.eliza.media.api.MediaScope;
import dev.eliza.media.api.StoredMedia;

/**
 * The uploads as rows and bytes in PostgreSQL, read through this node's copies under the media folder: a node
 * that has no copy of an upload (another node took it) makes one from the database on first read.
 */
final class StoredMediaLibrary implements MediaLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(StoredMediaLibrary.class);

    private final MediaStore store;
    private final MediaFiles files;

    StoredMediaLibrary(MediaStore store, MediaFiles files) {
        this.store = store;
        this.files = files;
    }

    @Override
    public Optional<StoredMedia> find(UUID id) {
        return store.find(id);
    }

    @Override
    public Optional<StoredMedia> find(MediaScope scope, UUID ownerId, String filename) {
        return FileNames.wellFormed(filename) ? store.find(scope, ownerId, filename) : Optional.empty();
    }

    @Override
    public InputStream open(StoredMedia media) throws IOException {
        return Files.newInputStream(localCopy(media).orElseThrow(() -> new NoSuchFileException(media.url())));
    }

    /**
     * This node's whole copy of the media, made from the database when there is none; empty when the database no
     * longer has all of its bytes (it was deleted meanwhile) or the copy cannot be placed.
     *
     * @throws BytesPending when the node that took the upload has not stored its bytes in the database yet
     */
    Optional<Path> localCopy(StoredMedia media) throws IOException {
        Optional<Path> copy = files.readable(media);
        if (copy.isPresent()) {
            return copy;
        }
        Optional<Boolean> stored = store.bytesStored(media.id());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get()) {
            throw new BytesPending(media);
        }
        Path spooled = files.spool("copy");
        try {
            long copied;
            try (OutputStream out = Files.newOutputStream(spooled)) {
                copied = store.copy(media, out);
            }
            if (copied != media.size()) {
                return Optional.empty();
            }
            files.place(spooled, media);
            return files.readable(media);
        } catch (IOException e) {
            LOG.warn("Could not make this node's copy of {}", media.url(), e);
            return Optional.empty();
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    /**
     * Stores in the database the bytes of the uploads this node has a copy of but the database not: those an
     * earlier run of this node did not get to, and those recorded before media V2. An upload this node has no copy
     * of is left to the node that has one.
     *
     * @return how many uploads were completed
     */
    int storeMissingBytes() {
        int stored = 0;
        for (StoredMedia media : store.withoutBytes()) {
            Optional<Path> copy = files.readable(media);
            if (copy.isEmpty()) {
                continue;
            }
            try {
                if (store.storeBytes(media, copy.get())) {
                    stored++;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not store the bytes of {} in the database", media.url(), e);
            }
        }
        return stored;
    }

    /** The bytes of an upload another node took are not in the database yet: ask again shortly. */
    static final class BytesPending extends IOException {
        private static final long serialVersionUID = 1L;

        BytesPending(StoredMedia media) {
            super("The bytes of " + media.url() + " are still being stored");
        }
    }

    /** Drops a copy whose upload the database no longer knows (another node deleted it). */
    void forgetCopy(MediaScope scope, UUID ownerId, String filename) {
        if (!FileNames.wellFormed(filename)) {
            return;
        }
        try {
            files.deleteStale(scope, ownerId, filename);
        } catch (IOException e) {
            LOG.warn("Could not remove the copy of a deleted upload {}/{}/{}", scope.segment(), ownerId, filename, e);
        }
    }

    /** The row goes first (its bytes with it): once it is gone nobody can download the file. */
    @Override
    public boolean delete(UUID id) {
        Optional<StoredMedia> media = store.find(id);
        if (media.isEmpty() || !store.delete(id)) {
            return false;
        }
        try {
            files.delete(media.get());
        } catch (IOException e) {
            LOG.warn("Removed the record of {} but not this node's copy", media.get().url(), e);
        }
        return true;
    }

    MediaFiles files() {
        return files;
    }
}
