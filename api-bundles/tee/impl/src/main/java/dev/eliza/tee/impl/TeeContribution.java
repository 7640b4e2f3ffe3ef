package dev.eliza.tee.impl;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.DomainContribution;
import dev.eliza.tee.api.TeeProvider;

/**
 * Mounts {@code /api/tee}, serving through whichever registered {@link TeeProvider} {@code TEE_PROVIDER} names
 * (providers may come and go; without the chosen one the routes other than status answer 503). The code
 * measurement is recomputed after any bundle changes.
 */
@Component(service = DomainContribution.class)
public final class TeeContribution implements DomainContribution {
    private final TeeProviders providers;
    private final Set<Object> resources;
    private final BundleContext context;
    private final BundleListener remeasure;

    @Activate
    public TeeContribution(@Reference AgentDirectory agents, BundleContext context) {
        this.context = context;
        this.providers = new TeeProviders(Optional.ofNullable(context.getProperty(TeeProviders.SETTING))
                .map(String::trim).filter(v -> !v.isEmpty()).orElse(SoftwareTeeProvider.ID));
        CodeMeasurement measurement = new CodeMeasurement(context::getBundles);
        this.remeasure = event -> {
            if (event.getType() != BundleEvent.STARTING && event.getType() != BundleEvent.STOPPING) {
                measurement.invalidate();
            }
        };
        context.addBundleListener(remeasure);
        this.resources = Set.of(new TeeResource(providers, agents, measurement, Clock.systemUTC()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindProvider(TeeProvider provider) {
        providers.add(provider);
    }

    void unbindProvider(TeeProvider provider) {
        providers.remove(provider);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(remeasure);
    }

    @Override
    public String domain() {
        return "tee";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/tee");
    }

    @Override
    public Set<Object> resources() {
        return resources;
    }
}
