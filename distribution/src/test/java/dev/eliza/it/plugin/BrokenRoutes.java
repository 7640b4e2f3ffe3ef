package dev.eliza.it.plugin;

import java.util.Set;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;

/** The routes of a plugin that cannot build them: the host must mark it FAILED and keep everything else up. */
@Extension
public final class BrokenRoutes implements GlobalRoutes {
    @Override
    public Set<Object> resources(PluginContext context) {
        throw new IllegalStateException("broken on purpose");
    }
}
