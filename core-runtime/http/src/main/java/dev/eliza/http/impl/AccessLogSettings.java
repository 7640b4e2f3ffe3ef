package dev.eliza.http.impl;

import java.time.Duration;
import java.util.function.Function;

/**
 * The access log's settings: {@code ACCESS_LOG} (on unless {@code false}), {@code ACCESS_LOG_MAX_PER_SECOND} (lines a
 * second before the rest are counted instead, default 100) and {@code ACCESS_LOG_SLOW_MS} (requests at least this
 * slow are always logged, like server errors; default 1000).
 */
record AccessLogSettings(boolean enabled, int maxPerSecond, Duration slow) {
    static final int DEFAULT_MAX_PER_SECOND = 100;
    static final long DEFAULT_SLOW_MS = 1000;

    AccessLogSettings {
        if (maxPerSecond < 0 || slow.isNegative()) {
            throw new IllegalArgumentException("ACCESS_LOG_MAX_PER_SECOND and ACCESS_LOG_SLOW_MS cannot be negative");
        }
    }

    static AccessLogSettings from(Function<String, String> properties) {
        return new AccessLogSettings(
                !"false".equalsIgnoreCase(valueOr(properties, "ACCESS_LOG", "true")),
                Integer.parseInt(valueOr(properties, "ACCESS_LOG_MAX_PER_SECOND",
                        String.valueOf(DEFAULT_MAX_PER_SECOND))),
                Duration.ofMillis(Long.parseLong(valueOr(properties, "ACCESS_LOG_SLOW_MS",
                        String.valueOf(DEFAULT_SLOW_MS)))));
    }

    private static String valueOr(Function<String, String> properties, String key, String fallback) {
        String value = properties.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
