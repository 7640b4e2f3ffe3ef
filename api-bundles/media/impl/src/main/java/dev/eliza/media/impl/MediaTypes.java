package dev.eliza.media.impl;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The types an upload may have: those of ElizaOS 1.7.2 ({@code ALLOWED_MEDIA_MIME_TYPES}: audio, four image types,
 * two video types, PDF and plain text), each with the file extension the server gives it. Nothing that a browser
 * would run (HTML, SVG) is accepted, so a stored file can never become a page of this origin.
 */
final class MediaTypes {
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/mp3", "mp3"), Map.entry("audio/wav", "wav"),
            Map.entry("audio/ogg", "ogg"), Map.entry("audio/webm", "weba"), Map.entry("audio/mp4", "m4a"),
            Map.entry("audio/aac", "aac"), Map.entry("audio/flac", "flac"), Map.entry("audio/x-wav", "wav"),
            Map.entry("audio/wave", "wav"), Map.entry("image/jpeg", "jpg"), Map.entry("image/png", "png"),
            Map.entry("image/gif", "gif"), Map.entry("image/webp", "webp"), Map.entry("video/mp4", "mp4"),
            Map.entry("video/webm", "webm"), Map.entry("application/pdf", "pdf"), Map.entry("text/plain", "txt"));

    private MediaTypes() {
    }

    /** The bare type (no parameters, lower case) when it is accepted. */
    static Optional<String> accepted(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int parameters = header.indexOf(';');
        String type = (parameters < 0 ? header : header.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        return EXTENSIONS.containsKey(type) ? Optional.of(type) : Optional.empty();
    }

    /** The extension of an accepted type. */
    static String extension(String type) {
        return EXTENSIONS.get(type);
    }

    /** What the agent upload route reports as {@code type}: {@code image}, {@code video}, {@code audio} or {@code document}. */
    static String category(String type) {
        if (type.startsWith("image/")) {
            return "image";
        }
        if (type.startsWith("video/")) {
            return "video";
        }
        return type.startsWith("audio/") ? "audio" : "document";
    }

    /** Whether browsers may show the file inline; everything else is served as an attachment. */
    static boolean inline(String type) {
        return type.startsWith("image/");
    }
}
