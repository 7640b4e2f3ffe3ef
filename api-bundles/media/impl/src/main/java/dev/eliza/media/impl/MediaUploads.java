package dev.eliza.media.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.http.api.ApiException;
import dev.eliza.media.api.MediaScope;
import dev.eliza.media.api.StoredMedia;
import dev.eliza.persistence.api.SqlStates;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

/**
 * Takes one upload: checks the owner's id and existence before reading the body, reads the multipart body
 * (spooled to disk), checks the {@code file} part's type and records it under a server-generated name, its bytes
 * then stored in the database for every node ({@link MediaBytesWriter}).
 */
final class MediaUploads {
    private static final Logger LOG = LoggerFactory.getLogger(MediaUploads.class);
    private static final int NAME_ATTEMPTS = 3;
    private static final int MAX_ORIGINAL_NAME = 255;

    private final MediaStore store;
    private final MediaFiles files;
    private final MediaBytesWriter bytes;
    private final FileNames names;
    private final Clock clock;
    private final MultipartConfigElement multipart;
    private final long maxBytes;

    MediaUploads(MediaStore store, MediaFiles files, MediaBytesWriter bytes, Clock clock, long maxBytes) {
        this.store = store;
        this.bytes = bytes;
        this.files = files;
        this.clock = clock;
        this.names = new FileNames(clock);
        this.maxBytes = maxBytes;
        this.multipart = MultipartLimits.config(files.incoming(), maxBytes);
    }

    /**
     * Stores the request's {@code file} part for the owner {@code rawId} of {@code scope}, which {@code exists}
     * must confirm.
     */
    StoredMedia upload(MediaScope scope, String rawId, Predicate<UUID> exists, HttpServletRequest request) {
        String noun = scope == MediaScope.AGENT ? "agent" : "channel";
        UUID owner = Ids.parse(rawId).orElseThrow(() -> ApiException.badRequest("INVALID_ID",
                "Invalid " + noun + " ID format"));
        if (!exists.test(owner)) {
            throw ApiException.notFound("NOT_FOUND", (scope == MediaScope.AGENT ? "Agent" : "Channel")
                    + " not found");
        }
        Part part = filePart(request).orElseThrow(() -> ApiException.badRequest("INVALID_REQUEST",
                "No media file provided"));
        String type = MediaTypes.accepted(part.getContentType()).orElseThrow(() -> new ApiException(415,
                "UNSUPPORTED_MEDIA_TYPE", "Invalid file type " + part.getContentType()
                        + ": images, audio, video, PDF and plain text are accepted"));
        return keep(scope, owner, part, type);
    }

    private Optional<Part> filePart(HttpServletRequest request) {
        request.setAttribute(MultipartLimits.ATTRIBUTE, multipart);
        try {
            Part part = request.getPart("file");
            return part == null || part.getSubmittedFileName() == null ? Optional.empty() : Optional.of(part);
        } catch (IOException | ServletException | IllegalStateException e) {
            throw refusal(e);
        }
    }

    /** A body Jetty would not take: over the limit (413), or not a readable multipart body (400). */
    private ApiException refusal(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            // Jetty reports the multipart limits as an HttpException 413 or, in its parser, by message only.
            if (t instanceof HttpException http && http.getCode() == 413 || message.contains("exceeds")
                    || message.contains("exceeded")) {
                return new ApiException(413, "PAYLOAD_TOO_LARGE", "The file is larger than the " + maxBytes
                        + " bytes an upload may have (MEDIA_MAX_UPLOAD_BYTES)");
            }
        }
        return ApiException.badRequest("INVALID_REQUEST", "The body is not a readable multipart form");
    }

    /**
     * The part is spooled, recorded and placed as this node's copy (so a copy at its place always has its record);
     * its bytes go to the database from the copy while the client gets its answer. When no copy can be placed the
     * bytes are stored from the spool before the answer, and when that fails too the record goes and the upload
     * fails: nothing is left half-written.
     */
    private StoredMedia keep(MediaScope scope, UUID owner, Part part, String type) {
        Path spooled = files.spool("upload");
        try {
            part.write(spooled.toString());
            StoredMedia media = record(scope, owner, part, type);
            Path copy;
            try {
                copy = files.place(spooled, media);
            } catch (IOException noCopy) {
                LOG.warn("Kept no copy of {} on this node; its bytes are stored from the upload", media.url(), noCopy);
                storeNow(media, spooled);
                return media;
            }
            bytes.store(media, copy);
            return media;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store an upload under " + files.root(), e);
        } finally {
            discard(spooled);
        }
    }

    private void storeNow(StoredMedia media, Path spooled) {
        try {
            store.storeBytes(media, spooled);
        } catch (IOException | RuntimeException e) {
            store.delete(media.id());
            throw new IllegalStateException("Cannot store the bytes of " + media.url(), e);
        }
    }

    private StoredMedia record(MediaScope scope, UUID owner, Part part, String type) {
        for (int attempt = 1; ; attempt++) {
            StoredMedia media = new StoredMedia(UUID.randomUUID(), scope, owner,
                    names.next(MediaTypes.extension(type)), originalName(part), type, part.getSize(),
                    clock.instant());
            try {
                store.insert(media);
                return media;
            } catch (RuntimeException e) {
                if (!nameTaken(e) || attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A generated name another upload of the same owner has (their UNIQUE constraint). */
    private static boolean nameTaken(Throwable failure) {
        return SqlStates.is(failure, SqlStates.UNIQUE_VIOLATION);
    }

    private static void discard(Path spooled) {
        try {
            Files.deleteIfExists(spooled);
        } catch (IOException e) {
            LOG.warn("Could not remove the spooled upload {}", spooled, e);
        }
    }

    /** The client's name, for display only: its last path segment, without control characters, bounded. */
    static String originalName(Part part) {
        String given = part.getSubmittedFileName();
        String base = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "");
        return base.length() > MAX_ORIGINAL_NAME ? base.substring(0, MAX_ORIGINAL_NAME) : base;
    }
}
