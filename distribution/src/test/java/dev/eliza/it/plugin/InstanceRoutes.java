package dev.eliza.it.plugin;

import java.util.Set;
import java.util.UUID;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** {@code GET /api/plugins/<id>/instance}: an id that changes whenever the plugin is loaded again. */
@Extension
public final class InstanceRoutes implements GlobalRoutes {
    private static final String LOADED = UUID.randomUUID().toString();

    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new Instance());
    }

    /** The instance resource. */
    @Path("/instance")
    public static final class Instance {
        @GET
        public String instance() {
            return LOADED;
        }
    }
}
