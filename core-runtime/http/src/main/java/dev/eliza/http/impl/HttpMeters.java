package dev.eliza.http.impl;

import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The HTTP bundle's meters: requests by domain, method and status (never the raw path: unbounded cardinality) with
 * a latency histogram, and swaps with the requests they held. Recorded into this bundle's own composite registry,
 * which the platform registry joins while the metrics bundle runs; with none joined, recording costs next to nothing.
 */
final class HttpMeters {
    static final String REQUESTS = "http.server.requests";
    static final String SWAPS = "eliza.swaps";
    static final String HELD = "eliza.swap.held.requests";

    /** Any other method a client sends is counted as "other", so a client cannot mint series. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

    void add(MeterRegistry platform) {
        registry.add(platform);
    }

    void remove(MeterRegistry platform) {
        registry.remove(platform);
        // the platform registry keeps what a composite gave it; this bundle's next start registers its own
        registry.getMeters().forEach(meter -> platform.remove(meter.getId()));
    }

    void request(String domain, String method, int status, long nanos) {
        Timer.builder(REQUESTS).description("HTTP requests by the domain that served them")
                .tag("domain", domain).tag("method", METHODS.contains(method) ? method : "other").tag("status", Integer.toString(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** A restart or update whose routes were held for {@code took}. */
    void swapped(Duration took) {
        Timer.builder(SWAPS).description("Module restarts and updates, with how long their routes were held")
                .register(registry).record(took);
    }

    /** A request parked on a route of {@code owner} while it swaps. */
    void held(String owner) {
        Counter.builder(HELD).description("Requests held while the module serving them was swapped")
                .tag("module", owner).register(registry).increment();
    }
}
