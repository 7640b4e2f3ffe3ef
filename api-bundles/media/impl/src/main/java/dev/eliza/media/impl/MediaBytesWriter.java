package dev.eliza.media.impl;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.media.api.StoredMedia;

/**
 * Stores an upload's bytes in the database from this node's copy, after the upload was answered, and only while
 * other nodes share the database: a 5 MiB upload then costs the client the disk, not PostgreSQL's writing of
 * 2,600 TOAST tuples (70–90 ms instead of 20 when done before the answer), and a single node pays nothing. Until
 * the bytes are stored other nodes answer 503 for the file. What is not stored at once (a single node's uploads, a
 * stop, a failure) is stored by {@link StoredMediaLibrary#storeMissingBytes()}, which the node runs periodically
 * while it has company.
 */
final class MediaBytesWriter {
    private static final Logger LOG = LoggerFactory.getLogger(MediaBytesWriter.class);

    private final MediaStore store;
    private final Executor executor;
    private final BooleanSupplier shared;

    /** {@code shared} tells whether other nodes use the database now. */
    MediaBytesWriter(MediaStore store, Executor executor, BooleanSupplier shared) {
        this.store = store;
        this.executor = executor;
        this.shared = shared;
    }

    /** Stores the bytes of {@code copy}, the media's copy on this node, soon, when other nodes may ask for them. */
    void store(StoredMedia media, Path copy) {
        if (!shared.getAsBoolean()) {
            return;
        }
        executor.execute(() -> {
            try {
                store.storeBytes(media, copy);
            } catch (NoSuchFileException deleted) {
                LOG.debug("{} was deleted before its bytes were stored", media.url());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not store the bytes of {} in the database; this node stores them when it starts"
                        + " again: {}", media.url(), e.getMessage());
            }
        });
    }
}
