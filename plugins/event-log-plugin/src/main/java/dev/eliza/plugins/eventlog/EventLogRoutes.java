package dev.eliza.plugins.eventlog;

import java.util.Set;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;

/** Serves {@link Stats}. */
@Extension
public final class EventLogRoutes implements GlobalRoutes {
    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new Stats(context));
    }
}
