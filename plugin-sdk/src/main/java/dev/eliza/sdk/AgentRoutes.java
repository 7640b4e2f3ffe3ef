package dev.eliza.sdk;

import java.util.Set;

import org.pf4j.ExtensionPoint;

/**
 * HTTP routes a plugin offers per agent, as ElizaOS does: served at {@code /api/agents/<agentId>/plugins/<path>}
 * and at {@code /<path>?agentId=<agentId>} for the agents whose character lists the plugin id in {@code plugins},
 * and answered 404 for the others. Each resource's class-level {@code @Path} must be one segment
 * ({@code @Path("/weather")}); methods read the calling agent from {@code @PathParam("agentId")} in both forms.
 * A segment taken by another plugin or by the platform ({@code /api}, {@code /health}, ...) refuses the plugin.
 *
 * <pre>{@code
 * @Path("/weather")
 * public final class Weather {
 *     @GET
 *     public Map<String, String> today(@PathParam("agentId") String agentId) { ... }
 * }
 * }</pre>
 */
public interface AgentRoutes extends ExtensionPoint {

    /** The JAX-RS resource instances to serve per agent, built with the plugin's context. */
    Set<Object> resources(PluginContext context);
}
