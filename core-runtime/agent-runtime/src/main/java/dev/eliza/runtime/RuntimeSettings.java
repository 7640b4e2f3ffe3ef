package dev.eliza.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The runtime's tunables, read from the platform configuration (framework properties) by ElizaOS-style names.
 *
 * @param maxDepth a delivery whose reply chain already holds this many agent replies gets no answer (loop bound)
 * @param historySize how many of the room's latest messages the prompt carries
 * @param maxAttempts model calls per delivery when the provider keeps failing with retryable errors
 * @param backoffBase the wait before the second attempt; it doubles with every further attempt
 * @param providerWait how long a delivery waits for its absent provider before it fails
 * @param stopWait how long stopping an agent (or the runtime) waits for in-flight replies
 * @param workers the threads replies are made on
 * @param queueCapacity deliveries held in memory; beyond it they stay {@code received} and are fetched later
 * @param recallLimit how many of the room's memories most similar to a message its prompt carries (0: none)
 * @param scanInterval how often the runtime looks for work other nodes left (deliveries of a node gone, agents
 *     started or stopped elsewhere while a message about it was lost)
 */
record RuntimeSettings(int maxDepth, int historySize, int maxAttempts, Duration backoffBase, Duration providerWait,
                       Duration stopWait, int workers, int queueCapacity, int recallLimit, Duration scanInterval) {
    static final RuntimeSettings DEFAULTS = new RuntimeSettings(3, 20, 4, Duration.ofMillis(500),
            Duration.ofSeconds(60), Duration.ofSeconds(10), 8, 10_000, 5, Duration.ofSeconds(5));

    /** The settings named in {@code properties}, each falling back to its default. */
    static RuntimeSettings from(Function<String, String> properties) {
        return new RuntimeSettings(
                number(properties, "AGENT_MAX_REPLY_DEPTH", DEFAULTS.maxDepth),
                number(properties, "AGENT_HISTORY_SIZE", DEFAULTS.historySize),
                number(properties, "AGENT_RETRY_MAX_ATTEMPTS", DEFAULTS.maxAttempts),
                Duration.ofMillis(number(properties, "AGENT_RETRY_BASE_MS", (int) DEFAULTS.backoffBase.toMillis())),
                Duration.ofMillis(number(properties, "AGENT_PROVIDER_WAIT_MS",
                        (int) DEFAULTS.providerWait.toMillis())),
                Duration.ofMillis(number(properties, "AGENT_STOP_WAIT_MS", (int) DEFAULTS.stopWait.toMillis())),
                number(properties, "AGENT_WORKERS", DEFAULTS.workers),
                DEFAULTS.queueCapacity,
                number(properties, "AGENT_MEMORY_RECALL", DEFAULTS.recallLimit),
                Duration.ofMillis(Math.max(100, number(properties, "AGENT_SCAN_INTERVAL_MS",
                        (int) DEFAULTS.scanInterval.toMillis()))));
    }

    /** The delay before attempt {@code attempt} (2 or more): base, 2 × base, 4 × base, … */
    Duration backoff(int attempt) {
        return backoffBase.multipliedBy(1L << Math.min(attempt - 2, 20));
    }

    private static int number(Function<String, String> properties, String key, int fallback) {
        String value = Optional.ofNullable(properties.apply(key)).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'", e);
        }
    }
}
