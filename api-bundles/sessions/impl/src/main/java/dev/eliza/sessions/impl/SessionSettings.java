package dev.eliza.sessions.impl;

import java.util.Optional;
import java.util.function.Function;

/**
 * Server-wide session defaults and bounds, in minutes, from the {@code SESSION_*} settings (ElizaOS's names and
 * defaults). A missing or malformed value falls back to the default.
 */
record SessionSettings(int defaultTimeout, int minTimeout, int maxTimeout, int maxDuration, int warningThreshold,
                       int cleanupInterval) {

    static final SessionSettings DEFAULTS = new SessionSettings(30, 5, 1440, 720, 5, 5);

    static SessionSettings from(Function<String, String> properties) {
        return new SessionSettings(
                read(properties, "SESSION_DEFAULT_TIMEOUT_MINUTES", DEFAULTS.defaultTimeout),
                read(properties, "SESSION_MIN_TIMEOUT_MINUTES", DEFAULTS.minTimeout),
                read(properties, "SESSION_MAX_TIMEOUT_MINUTES", DEFAULTS.maxTimeout),
                read(properties, "SESSION_MAX_DURATION_MINUTES", DEFAULTS.maxDuration),
                read(properties, "SESSION_WARNING_THRESHOLD_MINUTES", DEFAULTS.warningThreshold),
                read(properties, "SESSION_CLEANUP_INTERVAL_MINUTES", DEFAULTS.cleanupInterval));
    }

    private static int read(Function<String, String> properties, String key, int fallback) {
        return Optional.ofNullable(properties.apply(key)).map(String::trim).filter(v -> v.matches("\\d{1,6}"))
                .map(Integer::parseInt).filter(v -> v > 0).orElse(fallback);
    }
}
