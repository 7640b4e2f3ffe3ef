package dev.eliza.it.events;

import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import dev.eliza.events.api.PlatformEvents;
import dev.eliza.http.api.DomainContribution;
import dev.eliza.messaging.api.ChannelPoster;

/**
 * Activator of the probe bundle that stands in for the domains that publish events and own channels: it registers
 * a recording {@link ChannelPoster}, ranked above the messaging domain's so that the plugin host takes it, and a REST domain at {@code /api/probe-events} to publish events and
 * read what was posted.
 */
public final class EventsProbeActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        RecordingPoster poster = new RecordingPoster();
        Hashtable<String, Object> ranked = new Hashtable<>();
        ranked.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        context.registerService(ChannelPoster.class, poster, ranked);
        context.registerService(DomainContribution.class, DomainContribution.of("probe-events",
                List.of("/api/probe-events"), new EventsProbeResource(() -> Optional
                        .ofNullable(context.getServiceReference(PlatformEvents.class)).map(context::getService),
                        poster)), null);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the bundle's services when it stops.
    }
}
