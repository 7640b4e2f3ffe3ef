package dev.eliza.plugins.hello;

import java.util.Set;

import org.pf4j.Extension;

import dev.eliza.sdk.AgentRoutes;
import dev.eliza.sdk.PluginContext;

/** Serves {@link AgentGreeting} for the agents whose character lists {@code hello} among its plugins. */
@Extension
public final class HelloAgentRoutes implements AgentRoutes {
    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new AgentGreeting(context.settings().getOrDefault("greeting", "Hello")));
    }
}
