package dev.eliza.it.offline;

import java.util.List;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import dev.eliza.http.api.DomainContribution;

/**
 * Activator of the probe bundle {@code OfflineProviderIT} builds and deploys: serves {@code /api/offline-probe},
 * which calls the offline {@code ModelProvider} service inside the platform.
 */
public final class OfflineProbeActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(DomainContribution.class, DomainContribution.of("offline-probe",
                List.of("/api/offline-probe"), new OfflineProbeResource(context)), null);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the bundle's services when it stops.
    }
}
