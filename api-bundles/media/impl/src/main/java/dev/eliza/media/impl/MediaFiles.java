package dev.eliza.media.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.eliza.media.api.MediaScope;
import dev.eliza.media.api.StoredMedia;

/**
 * This node's copies of the uploads on disk, {@code <root>/uploads/<scope>/<owner>/<filename>}, with multipart
 * bodies and copies in the making spooled to {@code <root>/incoming} (the same file system, so placing a copy is a
 * rename). PostgreSQL holds the uploads themselves; a copy is placed whole by an atomic rename, so a copy at its
 * place is always complete. Every path is built from validated parts (a scope segment, a UUID, a server-generated
 * name) and a copy is only read when it is a regular file whose real path is where it should be: a symbolic link
 * planted anywhere on the way is refused.
 */
final class MediaFiles {
    private static final String SPOOLED = ".tmp";

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

    /** A fresh path in the incoming folder for a copy in the making; nothing is created there yet. */
    Path spool(String purpose) {
        return incoming.resolve(purpose + "-" + UUID.randomUUID() + SPOOLED);
    }

    private Path location(MediaScope scope, UUID owner, String filename) {
        return uploads.resolve(scope.segment()).resolve(owner.toString()).resolve(filename);
    }

    private Path location(StoredMedia media) {
        return location(media.scope(), media.ownerId(), media.filename());
    }

    /**
     * Moves a whole spooled copy of the media to its place, replacing what is there (a copy of the same bytes, or
     * a planted link: the rename replaces the link, not what it points to); returns where it is.
     *
     * @throws IOException also when a link on the way would take the copy outside the media folder
     */
    Path place(Path spooled, StoredMedia media) throws IOException {
        Path target = location(media);
        Path folder = Files.createDirectories(target.getParent());
        if (!folder.toRealPath().equals(folder)) {
            throw new IOException("A link on the way to " + target + " leads out of the media folder");
        }
        return Files.move(spooled, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The media's copy when it is a regular file of the media's size at its own place (no link on the way). */
    Optional<Path> readable(StoredMedia media) {
        Path expected = location(media);
        try {
            if (!Files.isRegularFile(expected, LinkOption.NOFOLLOW_LINKS)
                    || !expected.toRealPath().equals(expected) || Files.size(expected) != media.size()) {
                return Optional.empty();
            }
            return Optional.of(expected);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes the media's copy; quietly nothing when it is already gone. */
    void delete(StoredMedia media) throws IOException {
        Files.deleteIfExists(location(media));
    }

    /** Removes the copy at these coordinates, left behind when another node deleted the upload. */
    void deleteStale(MediaScope scope, UUID owner, String filename) throws IOException {
        Files.deleteIfExists(location(scope, owner, filename));
    }

    /** Removes spooled files older than {@code age}: what a stopped process left in the making. */
    void sweepSpooled(Duration age, Instant now) throws IOException {
        try (DirectoryStream<Path> spooled = Files.newDirectoryStream(incoming, "*" + SPOOLED)) {
            for (Path file : spooled) {
                if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().plus(age).isBefore(now)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
