package dev.eliza.it.probe;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import dev.eliza.http.api.DomainContribution;

/** Activator of the probe bundle the WebSocket test builds and deploys: registers the echo domain. */
public final class EchoActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(DomainContribution.class, new EchoContribution(), null);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the bundle's services when it stops.
    }
}
