package dev.eliza.it.probe;

import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import dev.eliza.http.api.DomainContribution;
import dev.eliza.realtime.api.RealtimeBroadcaster;
import dev.eliza.realtime.api.RealtimeEventHandler;

/** Activator of the probe bundle the WebSocket test builds and deploys: registers the echo domain and the probe's Socket.IO events. */
public final class EchoActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(DomainContribution.class, new EchoContribution(), null);
        Supplier<Optional<RealtimeBroadcaster>> broadcaster = () -> Optional
                .ofNullable(context.getServiceReference(RealtimeBroadcaster.class)).map(context::getService);
        for (String event : new String[] {"probe:join", "probe:shout", "probe:fail"}) {
            context.registerService(RealtimeEventHandler.class, new ProbeEventHandler(event, broadcaster), null);
        }
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the bundle's services when it stops.
    }
}
