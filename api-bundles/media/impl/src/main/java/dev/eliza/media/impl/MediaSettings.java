package dev.eliza.media.impl;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The media settings: the folder ({@code DATA_DIR/media}) and {@code MEDIA_MAX_UPLOAD_BYTES}, 50 MiB by default as
 * in 1.7.2. The HTTP server's {@code MAX_BODY_BYTES} applies first to every request, so an upload larger than it
 * is refused with 413 before this limit is consulted.
 */
record MediaSettings(Path folder, long maxUploadBytes) {
    static final long DEFAULT_MAX_UPLOAD = 50L * 1024 * 1024;

    static MediaSettings from(Function<String, String> properties) {
        Path data = Path.of(Optional.ofNullable(properties.apply("DATA_DIR")).filter(v -> !v.isBlank())
                .orElse("data"));
        long max = Optional.ofNullable(properties.apply("MEDIA_MAX_UPLOAD_BYTES")).map(String::trim)
                .filter(v -> v.matches("\\d{1,15}")).map(Long::parseLong).filter(v -> v > 0)
                .orElse(DEFAULT_MAX_UPLOAD);
        return new MediaSettings(data.resolve("media"), max);
    }
}
