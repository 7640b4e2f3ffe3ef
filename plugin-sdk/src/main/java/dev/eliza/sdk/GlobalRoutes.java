package dev.eliza.sdk;

import java.util.Set;

import org.pf4j.ExtensionPoint;

/**
 * HTTP routes of a plugin, served under {@code /api/plugins/<plugin id>}: a resource annotated
 * {@code @Path("/greeting")} in plugin {@code hello} answers at {@code /api/plugins/hello/greeting}.
 *
 * <pre>{@code
 * @Extension
 * public final class HelloRoutes implements GlobalRoutes {
 *     public Set<Object> resources(PluginContext context) {
 *         return Set.of(new Greeting(context.settings().getOrDefault("greeting", "Hello")));
 *     }
 * }
 * }</pre>
 */
public interface GlobalRoutes extends ExtensionPoint {

    /** The JAX-RS resource instances to serve, built with the plugin's context. */
    Set<Object> resources(PluginContext context);
}
