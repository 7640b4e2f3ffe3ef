package dev.eliza.http.impl;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP server's settings, read from framework properties that the bootstrap fills from
 * {@code conf/platform.properties} and the environment.
 */
record HttpSettings(String host, int port, Optional<String> authToken, long maxBodyBytes, Duration swapHold,
                    String corsOrigins, Duration shutdownTimeout, RateLimitSettings rateLimit,
                    String contentSecurityPolicy) {

    static HttpSettings from(Function<String, String> properties) {
        return new HttpSettings(
                valueOr(properties, "SERVER_HOST", "127.0.0.1"),
                Integer.parseInt(valueOr(properties, "SERVER_PORT", "3000")),
                Optional.ofNullable(properties.apply("ELIZA_SERVER_AUTH_TOKEN")).filter(t -> !t.isBlank()),
                Long.parseLong(valueOr(properties, "MAX_BODY_BYTES", String.valueOf(10L * 1024 * 1024))),
                Duration.ofMillis(Long.parseLong(valueOr(properties, "SWAP_HOLD_MS", "5000"))),
                valueOr(properties, "CORS_ORIGINS", "*"),
                Duration.ofMillis(Long.parseLong(valueOr(properties, "SHUTDOWN_TIMEOUT_MS", "10000"))),
                RateLimitSettings.from(properties),
                valueOr(properties, "CONTENT_SECURITY_POLICY", SecurityHeadersHandler.DEFAULT_POLICY));
    }

    private static String valueOr(Function<String, String> properties, String key, String fallback) {
        String value = properties.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
