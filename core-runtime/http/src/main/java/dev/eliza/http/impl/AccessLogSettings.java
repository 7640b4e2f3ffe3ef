package dev.eliza.http.impl;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * The access log's settings: {@code ACCESS_LOG} (true or false, default true), {@code ACCESS_LOG_MAX_PER_SECOND}
 * (lines a second before the rest are counted instead, default 100) and {@code ACCESS_LOG_SLOW_MS} (requests at least
 * this slow are always logged, like server errors; default 1000). A value out of shape stops the HTTP bundle with a
 * message naming the setting.
 */
record AccessLogSettings(boolean enabled, int maxPerSecond, Duration slow) {
    static final int DEFAULT_MAX_PER_SECOND = 100;
    static final long DEFAULT_SLOW_MS = 1000;

    static AccessLogSettings from(Function<String, String> properties) {
        return new AccessLogSettings(flag(properties, "ACCESS_LOG"),
                (int) whole(properties, "ACCESS_LOG_MAX_PER_SECOND", DEFAULT_MAX_PER_SECOND, Integer.MAX_VALUE),
                Duration.ofMillis(whole(properties, "ACCESS_LOG_SLOW_MS", DEFAULT_SLOW_MS, Long.MAX_VALUE / 1_000_000)));
    }

    private static boolean flag(Function<String, String> properties, String key) {
        String value = valueOr(properties, key, "true").toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(key + ": '" + value + "' is neither true nor false");
        }
        return Boolean.parseBoolean(value);
    }

    private static long whole(Function<String, String> properties, String key, long fallback, long max) {
        String value = valueOr(properties, key, String.valueOf(fallback));
        if (value.matches("\\d{1,18}") && Long.parseLong(value) <= max) {
            return Long.parseLong(value);
        }
        throw new IllegalArgumentException(key + ": '" + value + "' is not a whole number from 0 to " + max);
    }

    private static String valueOr(Function<String, String> properties, String key, String fallback) {
        String value = properties.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
