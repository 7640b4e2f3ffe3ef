package dev.eliza.it.rooms;

import java.util.List;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import dev.eliza.http.api.DomainContribution;

/**
 * Activator of the probe bundle that stands in for the agent runtime's side of rooms: a REST domain at
 * {@code /api/probe-rooms} that asks the real {@code AgentRooms} service for an agent's room of a channel, as the
 * runtime does for every message an agent receives.
 */
public final class RoomsProbeActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(DomainContribution.class, DomainContribution.of("probe-rooms",
                List.of("/api/probe-rooms"), new RoomsProbeResource(context)), null);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the bundle's services when it stops.
    }
}
