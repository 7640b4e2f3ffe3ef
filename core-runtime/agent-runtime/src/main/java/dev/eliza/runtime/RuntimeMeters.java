package dev.eliza.runtime;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The runtime's meters: model calls by provider and outcome (count and latency), the tokens they took, and the
 * deliveries moved into each state. Recorded into this bundle's composite, which the platform registry joins while
 * the metrics bundle runs.
 */
final class RuntimeMeters {
    static final String MODEL_CALLS = "eliza.model.calls";
    static final String MODEL_TOKENS = "eliza.model.tokens";
    static final String DELIVERIES = "eliza.deliveries";

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

    void add(MeterRegistry platform) {
        registry.add(platform);
    }

    void remove(MeterRegistry platform) {
        registry.remove(platform);
        // the platform registry keeps what a composite gave it; this bundle's next start registers its own
        registry.getMeters().forEach(meter -> platform.remove(meter.getId()));
    }

    /** A model call that answered, with the tokens it reported. */
    void modelCall(String provider, long nanos, long promptTokens, long completionTokens) {
        timer(provider, "success").record(Duration.ofNanos(nanos));
        tokens(provider, "prompt").increment(promptTokens);
        tokens(provider, "completion").increment(completionTokens);
    }

    /** A model call that failed ({@code retryable}: it will be tried again). */
    void modelFailure(String provider, long nanos, boolean retryable) {
        timer(provider, retryable ? "retryable_failure" : "failure").record(Duration.ofNanos(nanos));
    }

    /** A delivery moved into {@code state} by this runtime. */
    void delivery(String state) {
        Counter.builder(DELIVERIES).description("Deliveries moved into a state by the agent runtime")
                .tag("state", state).register(registry).increment();
    }

    private Timer timer(String provider, String outcome) {
        return Timer.builder(MODEL_CALLS).description("Text model calls by provider and outcome")
                .tag("provider", provider).tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
    }

    private Counter tokens(String provider, String kind) {
        return Counter.builder(MODEL_TOKENS).description("Tokens of text model calls, as the provider reported them")
                .tag("provider", provider).tag("kind", kind).register(registry);
    }
}
