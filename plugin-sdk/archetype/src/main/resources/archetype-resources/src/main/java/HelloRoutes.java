package ${package};

import java.util.Set;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;

/**
 * The plugin's routes, served under /api/plugins/${pluginId}. Add AgentRoutes, EventListener or PluginService
 * extensions the same way: a class implementing the interface, annotated @Extension.
 */
@Extension
public final class HelloRoutes implements GlobalRoutes {
    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new Hello(context.settings().getOrDefault("greeting", "Hello")));
    }
}
