package dev.eliza.http.impl;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP server's settings, read from framework properties that the bootstrap fills from
 * {@code conf/platform.properties} and the environment.
 */
record HttpSettings(String host, int port, Optional<String> authToken, long maxBodyBytes, Duration swapHold,
                    String corsOrigins, Duration shutdownTimeout, Set<String> allowedHosts,
                    RateLimitSettings rateLimit, String contentSecurityPolicy,
                    AccessLogSettings accessLog) {

    static HttpSettings from(Function<String, String> properties) {
        return new HttpSettings(
                valueOr(properties, "SERVER_HOST", "127.0.0.1"),
                Integer.parseInt(valueOr(properties, "SERVER_PORT", "3000")),
                Optional.ofNullable(properties.apply("ELIZA_SERVER_AUTH_TOKEN")).filter(t -> !t.isBlank()),
                Long.parseLong(valueOr(properties, "MAX_BODY_BYTES", String.valueOf(10L * 1024 * 1024))),
                Duration.ofMillis(Long.parseLong(valueOr(properties, "SWAP_HOLD_MS", "5000"))),
                valueOr(properties, "CORS_ORIGINS", "*"),
                Duration.ofMillis(Long.parseLong(valueOr(properties, "SHUTDOWN_TIMEOUT_MS", "10000"))),
                allowedHosts(valueOr(properties, "SERVER_HOST", "127.0.0.1"), valueOr(properties, "ALLOWED_HOSTS", "")),
                RateLimitSettings.from(properties),
                valueOr(properties, "CONTENT_SECURITY_POLICY", SecurityHeadersHandler.DEFAULT_POLICY),
                AccessLogSettings.from(properties));
    }

    /** The names {@code Host} may carry besides loopback names and IP literals: the bound host and the listed ones. */
    private static Set<String> allowedHosts(String bound, String listed) {
        Set<String> hosts = new HashSet<>();
        hosts.add(bound);
        Arrays.stream(listed.split(",")).map(String::trim).filter(h -> !h.isEmpty()).forEach(hosts::add);
        return Set.copyOf(hosts);
    }

    private static String valueOr(Function<String, String> properties, String key, String fallback) {
        String value = properties.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
