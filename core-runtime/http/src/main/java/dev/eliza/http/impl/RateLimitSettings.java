package dev.eliza.http.impl;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.eclipse.jetty.util.InetAddressSet;

/**
 * How {@code /api} requests are rate limited: at most {@code max} requests per client in each {@code window},
 * counting for at most {@code maxClients} clients at once; addresses in {@code trusted} (literal addresses or CIDR
 * ranges) are counted but never refused, as loopback always is.
 */
record RateLimitSettings(boolean enabled, int max, Duration window, List<String> trusted, int maxClients) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    RateLimitSettings {
        if (max < 1 || window.toMillis() < 1 || maxClients < 1) {
            throw new IllegalArgumentException("RATE_LIMIT_MAX, RATE_LIMIT_WINDOW_MS and RATE_LIMIT_MAX_CLIENTS must be"
                    + " positive");
        }
        trusted.forEach(RateLimitSettings::requireLiteral);
        trusted = List.copyOf(trusted);
    }

    static RateLimitSettings from(Function<String, String> properties) {
        return new RateLimitSettings(
                flag(properties, "RATE_LIMIT_ENABLED", "true"),
                (int) number(properties, "RATE_LIMIT_MAX", "1000", Integer.MAX_VALUE),
                Duration.ofMillis(number(properties, "RATE_LIMIT_WINDOW_MS", "900000", Long.MAX_VALUE / 2)),
                Arrays.stream(valueOr(properties, "RATE_LIMIT_TRUSTED", "").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                (int) number(properties, "RATE_LIMIT_MAX_CLIENTS", "100000", 10_000_000));
    }

    private static long number(Function<String, String> properties, String key, String fallback, long max) {
        String value = valueOr(properties, key, fallback);
        if (value.matches("\\d{1,18}") && Long.parseLong(value) >= 1 && Long.parseLong(value) <= max) {
            return Long.parseLong(value);
        }
        throw new IllegalArgumentException(key + ": '" + value + "' is not a whole number from 1 to " + max);
    }

    /** Only literal addresses: a host name here would be resolved through DNS, once, and silently go stale. */
    private static void requireLiteral(String entry) {
        String[] parts = entry.split("[/-]", -1);
        boolean cidr = entry.contains("/");
        boolean literal = parts.length <= 2 && isAddress(parts[0])
                && (parts.length == 1 || (cidr ? parts[1].matches("\\d{1,3}") : isAddress(parts[1])));
        if (!literal || !jettyAccepts(entry)) {
            throw new IllegalArgumentException("RATE_LIMIT_TRUSTED: '" + entry
                    + "' is not an IP address, a CIDR range (10.0.0.0/8) or an address range (a-b)");
        }
    }

    private static boolean isAddress(String text) {
        return IPV4.matcher(text).matches() || IPV6.matcher(text).matches();
    }

    private static boolean jettyAccepts(String entry) {
        try {
            new InetAddressSet().add(entry);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean flag(Function<String, String> properties, String key, String fallback) {
        String value = valueOr(properties, key, fallback);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + ": '" + value + "' is neither true nor false");
        }
        return Boolean.parseBoolean(value);
    }

    private static String valueOr(Function<String, String> properties, String key, String fallback) {
        String value = properties.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
