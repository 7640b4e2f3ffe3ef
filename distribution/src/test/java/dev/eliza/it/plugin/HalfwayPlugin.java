package dev.eliza.it.plugin;

import java.util.Set;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;
import dev.eliza.sdk.PluginService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A plugin whose routes build but whose service cannot start: nothing of it may stay mounted. */
public final class HalfwayPlugin {
    private HalfwayPlugin() {
    }

    /** Routes that would be served if the plugin started. */
    @Extension
    public static final class Routes implements GlobalRoutes {
        @Override
        public Set<Object> resources(PluginContext context) {
            return Set.of(new Ready());
        }
    }

    /** The service that fails. */
    @Extension
    public static final class Backend implements PluginService {
        @Override
        public void start(PluginContext context) {
            throw new IllegalStateException("cannot reach its backend");
        }
    }

    /** {@code GET /api/plugins/halfway/ready}. */
    @Path("/ready")
    public static final class Ready {
        @GET
        public String ready() {
            return "ready";
        }
    }
}
