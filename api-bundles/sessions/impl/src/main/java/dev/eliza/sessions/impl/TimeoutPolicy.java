package dev.eliza.sessions.impl;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.sessions.api.TimeoutConfig;

/**
 * Turns a client's {@code timeoutConfig} into the one a session gets, as 1.7.2 does: on creation an out-of-range
 * timeout is clamped into the server's bounds (2 becomes 5) and the maximum duration into [timeout, 2 × max
 * timeout]; an update must name a timeout within the bounds. Computes expiries: inactivity timeout, capped by the
 * hard maximum duration from creation.
 */
final class TimeoutPolicy {
    private static final String FORMAT = "Invalid timeout configuration format";

    private final SessionSettings settings;

    TimeoutPolicy(SessionSettings settings) {
        this.settings = settings;
    }

    TimeoutConfig defaults() {
        return new TimeoutConfig(settings.defaultTimeout(), true, settings.maxDuration(),
                settings.warningThreshold());
    }

    TimeoutConfig forCreate(JsonNode given) {
        if (given == null || given.isMissingNode() || given.isNull()) {
            return clamped(defaults());
        }
        checkFormat(given);
        return clamped(merge(defaults(), given));
    }

    TimeoutConfig forUpdate(TimeoutConfig current, JsonNode given) {
        checkFormat(given);
        if (present(given, "timeoutMinutes")) {
            int timeout = given.get("timeoutMinutes").asInt();
            if (timeout < settings.minTimeout() || timeout > settings.maxTimeout()) {
                throw SessionErrors.invalidTimeoutConfig("Timeout must be between " + settings.minTimeout()
                        + " and " + settings.maxTimeout() + " minutes", given);
            }
        }
        return clamped(merge(current, given));
    }

    /** When a session active at {@code activity} expires: its timeout later, but never past its maximum. */
    Instant expiry(Instant createdAt, Instant activity, TimeoutConfig config) {
        Instant idle = activity.plus(Duration.ofMinutes(config.timeoutMinutes()));
        Instant hard = createdAt.plus(Duration.ofMinutes(config.maxDurationMinutes()));
        return idle.isBefore(hard) ? idle : hard;
    }

    /** Whether a session created at {@code createdAt} has reached its hard limit at {@code now}. */
    boolean atMaximum(Instant createdAt, Instant now, TimeoutConfig config) {
        return !now.isBefore(createdAt.plus(Duration.ofMinutes(config.maxDurationMinutes())));
    }

    private TimeoutConfig clamped(TimeoutConfig config) {
        int timeout = clamp(config.timeoutMinutes(), settings.minTimeout(), settings.maxTimeout());
        int maximum = clamp(config.maxDurationMinutes(), timeout, settings.maxTimeout() * 2);
        int warning = clamp(config.warningThresholdMinutes(), 1, timeout);
        return new TimeoutConfig(timeout, config.autoRenew(), maximum, warning);
    }

    private static TimeoutConfig merge(TimeoutConfig base, JsonNode given) {
        return new TimeoutConfig(
                present(given, "timeoutMinutes") ? given.get("timeoutMinutes").asInt() : base.timeoutMinutes(),
                present(given, "autoRenew") ? given.get("autoRenew").asBoolean() : base.autoRenew(),
                present(given, "maxDurationMinutes") ? given.get("maxDurationMinutes").asInt() : base.maxDurationMinutes(),
                present(given, "warningThresholdMinutes") ? given.get("warningThresholdMinutes").asInt()
                        : base.warningThresholdMinutes());
    }

    private static boolean present(JsonNode given, String field) {
        return given.hasNonNull(field);
    }

    private static void checkFormat(JsonNode given) {
        if (!given.isObject()) {
            throw SessionErrors.invalidTimeoutConfig(FORMAT, given);
        }
        for (String field : new String[] {"timeoutMinutes", "maxDurationMinutes", "warningThresholdMinutes"}) {
            JsonNode value = given.get(field);
            if (value != null && !value.isNull() && !(value.isNumber() && value.canConvertToInt())) {
                throw SessionErrors.invalidTimeoutConfig(FORMAT, given);
            }
        }
        JsonNode renew = given.get("autoRenew");
        if (renew != null && !renew.isNull() && !renew.isBoolean()) {
            throw SessionErrors.invalidTimeoutConfig(FORMAT, given);
        }
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
