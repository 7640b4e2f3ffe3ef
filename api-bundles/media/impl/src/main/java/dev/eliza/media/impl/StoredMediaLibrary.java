package dev.eliza.media.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.media.api.MediaLibrary;
import dev.eliza.media.api.MediaScope;
import dev.eliza.media.api.StoredMedia;

/** The uploads as rows in PostgreSQL and files under the media folder. */
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
        return Files.newInputStream(files.readable(media).orElseThrow(() -> new NoSuchFileException(media.url())));
    }

    /** The row goes first: once it is gone nobody can download the file, whose removal may then fail harmlessly. */
    @Override
    public boolean delete(UUID id) {
        Optional<StoredMedia> media = store.find(id);
        if (media.isEmpty() || !store.delete(id)) {
            return false;
        }
        try {
            files.delete(media.get());
        } catch (IOException e) {
            LOG.warn("Removed the record of {} but not its file", media.get().url(), e);
        }
        return true;
    }

    MediaFiles files() {
        return files;
    }
}
