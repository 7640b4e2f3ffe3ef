package dev.eliza.it.agents;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentJournal;
import dev.eliza.agents.api.AgentRunner;
import dev.eliza.http.api.DomainContribution;

/**
 * Activator of the probe bundle that stands in for the agent runtime: it registers a map-backed
 * {@link AgentRunner} and a REST domain at {@code /api/probe-agents} that writes journal entries and reads the
 * persisted desired states.
 */
public final class AgentsProbeActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(AgentRunner.class, new MapRunner(), null);
        context.registerService(DomainContribution.class, DomainContribution.of("probe-agents",
                List.of("/api/probe-agents"), new AgentsProbeResource(service(context, AgentJournal.class),
                        service(context, AgentDirectory.class))), null);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the bundle's services when it stops.
    }

    private static <T> Supplier<Optional<T>> service(BundleContext context, Class<T> type) {
        return () -> Optional.ofNullable(context.getServiceReference(type)).map(context::getService);
    }
}
