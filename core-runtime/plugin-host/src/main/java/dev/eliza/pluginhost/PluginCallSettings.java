package dev.eliza.pluginhost;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How long and how many the platform lets a plugin's code run when it calls it: {@code PLUGIN_ROUTE_TIMEOUT_MS}
 * for a route or an event listener, {@code MODEL_TIMEOUT_MS} for a model provider call, {@code PLUGIN_THREADS}
 * calls at a time, and {@code PLUGIN_FAILURE_THRESHOLD} faults in a row before the plugin is stopped as FAILED.
 */
record PluginCallSettings(Duration routeTimeout, Duration modelTimeout, int threads, int failureThreshold) {

    static final PluginCallSettings DEFAULTS = new PluginCallSettings(Duration.ofSeconds(30), Duration.ofSeconds(60),
            8, 5);

    PluginCallSettings {
        if (routeTimeout.isNegative() || routeTimeout.isZero() || modelTimeout.isNegative() || modelTimeout.isZero()
                || threads < 1 || failureThreshold < 1) {
            throw new IllegalArgumentException("plugin call limits must be positive");
        }
    }

    /** The settings among {@code properties} (the framework's, which the launcher fills from the environment). */
    static PluginCallSettings from(Function<String, String> properties) {
        return new PluginCallSettings(
                Duration.ofMillis(number(properties, "PLUGIN_ROUTE_TIMEOUT_MS", DEFAULTS.routeTimeout.toMillis())),
                Duration.ofMillis(number(properties, "MODEL_TIMEOUT_MS", DEFAULTS.modelTimeout.toMillis())),
                (int) number(properties, "PLUGIN_THREADS", DEFAULTS.threads),
                (int) number(properties, "PLUGIN_FAILURE_THRESHOLD", DEFAULTS.failureThreshold));
    }

    private static long number(Function<String, String> properties, String name, long otherwise) {
        String value = Optional.ofNullable(properties.apply(name)).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
        }
    }
}
