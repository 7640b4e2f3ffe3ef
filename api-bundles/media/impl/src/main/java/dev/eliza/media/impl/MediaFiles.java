package dev.eliza.media.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

import dev.eliza.media.api.StoredMedia;
import jakarta.servlet.http.Part;

/**
 * The uploads' bytes on disk: {@code <root>/uploads/<scope>/<owner>/<filename>}, with multipart bodies spooled to
 * {@code <root>/incoming} (the same file system, so storing a large part is a rename, not a copy). Every path is
 * built from validated parts (a scope segment, a UUID, a server-generated name) and a file is only read when it is
 * a regular file whose real path is where it should be: a symbolic link planted anywhere on the way is refused.
 */
final class MediaFiles {
    private final Path root;
    private final Path uploads;
    private final Path incoming;

    MediaFiles(Path root) {
        try {
            this.root = Files.createDirectories(root).toRealPath();
            this.uploads = Files.createDirectories(this.root.resolve("uploads"));
            this.incoming = Files.createDirectories(this.root.resolve("incoming"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the media folder " + root, e);
        }
    }

    /** Where multipart bodies are spooled while they arrive. */
    Path incoming() {
        return incoming;
    }

    Path root() {
        return root;
    }

    private Path location(StoredMedia media) {
        return uploads.resolve(media.scope().segment()).resolve(media.ownerId().toString()).resolve(media.filename());
    }

    /**
     * Writes the part to the media's place without replacing anything.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the name is taken (the caller picks another)
     */
    void store(Part part, StoredMedia media) throws IOException {
        Path target = location(media);
        Files.createDirectories(target.getParent());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileAlreadyExistsException(target.toString());
        }
        part.write(target.toString());
    }

    /** The media's file when it is a regular file at its own place (no link anywhere on the way). */
    Optional<Path> readable(StoredMedia media) {
        Path expected = location(media);
        try {
            if (!Files.isRegularFile(expected, LinkOption.NOFOLLOW_LINKS)
                    || !expected.toRealPath().equals(expected)) {
                return Optional.empty();
            }
            return Optional.of(expected);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes the media's file; quietly nothing when it is already gone. */
    void delete(StoredMedia media) throws IOException {
        Files.deleteIfExists(location(media));
    }
}
