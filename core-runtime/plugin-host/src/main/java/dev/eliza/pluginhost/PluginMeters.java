package dev.eliza.pluginhost;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * {@code eliza_plugins{state}}: how many PF4J plugins are in each state (a plugin that could not start is
 * {@code failed}), read at each scrape. Recorded into this bundle's composite, which the platform registry joins
 * while the metrics bundle runs.
 */
final class PluginMeters {
    static final String NAME = "eliza.plugins";
    static final List<String> STATES = List.of("CREATED", "DISABLED", "RESOLVED", "STARTED", "STOPPED", "FAILED");

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

    void add(MeterRegistry platform) {
        registry.add(platform);
    }

    void remove(MeterRegistry platform) {
        registry.remove(platform);
        // the platform registry keeps what a composite gave it; this bundle's next start registers its own
        registry.getMeters().forEach(meter -> platform.remove(meter.getId()));
    }

    void plugins(Supplier<List<PluginInfo>> plugins) {
        for (String state : STATES) {
            Gauge.builder(NAME, plugins, p -> p.get().stream().filter(i -> i.state().equals(state)).count())
                    .description("PF4J plugins by state").tag("state", state.toLowerCase(Locale.ROOT))
                    .strongReference(true).register(registry);
        }
    }
}
