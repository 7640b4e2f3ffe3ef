package dev.eliza.it.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/plugins/<id>/classes}: which platform and SDK classes this plugin's class loader can load. */
@Extension
public final class PeekingRoutes implements GlobalRoutes {
    private static final List<String> NAMES = List.of("org.osgi.framework.Bundle",
            "dev.eliza.persistence.api.Database", "dev.eliza.agents.api.AgentDirectory",
            "dev.eliza.pluginhost.PluginHostComponent", "org.slf4j.Logger", "dev.eliza.sdk.PluginContext",
            "jakarta.ws.rs.core.Response", "java.sql.Connection");

    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new Classes());
    }

    /** The peeking resource. */
    @Path("/classes")
    public static final class Classes {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> classes() {
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (String name : NAMES) {
                try {
                    Class.forName(name);
                    outcomes.put(name, "loaded");
                } catch (ClassNotFoundException e) {
                    outcomes.put(name, "ClassNotFoundException");
                }
            }
            return outcomes;
        }
    }
}
