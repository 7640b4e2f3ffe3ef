package dev.eliza.metrics;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import dev.eliza.http.api.DomainContribution;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The platform's one Prometheus registry: offered to every bundle as a {@link MeterRegistry} service (bundles
 * record into their own composite registry and add this one while it is there, so stopping this bundle costs
 * them nothing), filled with JVM and bundle-state meters, and scraped at {@code GET /metrics}.
 */
@Component(immediate = true, service = {})
public final class MetricsComponent {
    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;
    private ServiceRegistration<MeterRegistry> service;
    private ServiceRegistration<DomainContribution> route;

    @Activate
    void activate(BundleContext context) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        gc = new JvmGcMetrics();
        List<MeterBinder> binders = List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics(),
                new BundleStateMeters(context));
        binders.forEach(binder -> binder.bindTo(registry));
        service = context.registerService(MeterRegistry.class, registry, null);
        route = context.registerService(DomainContribution.class,
                new MetricsContribution(new ScrapeServlet(registry)), null);
    }

    @Deactivate
    void deactivate() {
        route.unregister();
        service.unregister();
        gc.close();
        registry.close();
    }
}
