package dev.eliza.providers.audio.offline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the offline programs are and how far they may go, from the platform's settings.
 *
 * @param espeak {@code ESPEAK_NG_PATH}, else {@code espeak-ng} on the {@code PATH}
 * @param pocketsphinx {@code POCKETSPHINX_PATH}, else {@code pocketsphinx_continuous} on the {@code PATH}
 * @param model {@code POCKETSPHINX_MODEL_DIR}, Debian's {@code pocketsphinx-en-us} folder by default
 * @param timeout {@code AUDIO_TIMEOUT_MS}: the longest one program run may take (30 s)
 * @param maxSeconds {@code AUDIO_MAX_SECONDS}: the longest recording transcribed (120 s)
 * @param searchPath the {@code PATH} to look programs up on
 */
record OfflineSettings(Optional<String> espeak, Optional<String> pocketsphinx, Path model, Duration timeout,
                       int maxSeconds, String searchPath) {
    static final Path DEBIAN_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");
    /** 16-bit mono at 22,050 Hz for {@link dev.eliza.audio.api.SpeechProvider#MAX_TEXT_LENGTH} slow characters. */
    static final int MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

    static OfflineSettings from(Function<String, String> properties, String searchPath) {
        return new OfflineSettings(value(properties, "ESPEAK_NG_PATH"), value(properties, "POCKETSPHINX_PATH"),
                value(properties, "POCKETSPHINX_MODEL_DIR").map(Path::of).orElse(DEBIAN_MODEL),
                Duration.ofMillis(number(properties, "AUDIO_TIMEOUT_MS", 30_000)),
                (int) number(properties, "AUDIO_MAX_SECONDS", 120), searchPath);
    }

    private static Optional<String> value(Function<String, String> properties, String key) {
        return Optional.ofNullable(properties.apply(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static long number(Function<String, String> properties, String key, long fallback) {
        return value(properties, key).filter(v -> v.matches("\\d{1,9}")).map(Long::parseLong).filter(v -> v > 0)
                .orElse(fallback);
    }
}
