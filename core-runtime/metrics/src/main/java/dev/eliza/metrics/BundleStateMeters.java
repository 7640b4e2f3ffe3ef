package dev.eliza.metrics;

import java.util.Arrays;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code eliza_bundles{state}}: how many bundles of the framework are in each OSGi state, read at each scrape,
 * so a bundle that failed to resolve or was stopped shows up as a moved count.
 */
final class BundleStateMeters implements MeterBinder {
    static final String NAME = "eliza.bundles";
    private static final Map<String, Integer> STATES = Map.of("active", Bundle.ACTIVE, "resolved", Bundle.RESOLVED,
            "installed", Bundle.INSTALLED, "starting", Bundle.STARTING, "stopping", Bundle.STOPPING);

    private final BundleContext context;

    BundleStateMeters(BundleContext context) {
        this.context = context;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        STATES.forEach((name, state) -> Gauge.builder(NAME, this, m -> m.count(state))
                .description("Bundles of the OSGi framework by state").tag("state", name).strongReference(true)
                .register(registry));
    }

    private double count(int state) {
        // the context is invalid once this bundle stopped; the gauge is removed with the registry then
        try {
            return Arrays.stream(context.getBundles()).filter(b -> b.getState() == state).count();
        } catch (IllegalStateException stopped) {
            return Double.NaN;
        }
    }
}
