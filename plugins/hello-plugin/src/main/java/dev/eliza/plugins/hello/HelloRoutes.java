package dev.eliza.plugins.hello;

import java.util.Set;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;

/**
 * Serves {@link Greeting} with the greeting configured as {@code PLUGIN_HELLO_GREETING} (default "Hello") and a
 * durable {@link Counter}.
 */
@Extension
public final class HelloRoutes implements GlobalRoutes {
    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new Greeting(context.settings().getOrDefault("greeting", "Hello")),
                new Counter(context.store()));
    }
}
