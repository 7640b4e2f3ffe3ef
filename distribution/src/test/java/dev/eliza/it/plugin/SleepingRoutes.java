package dev.eliza.it.plugin;

import java.util.Set;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * A plugin whose route sleeps far past any deadline (the host must answer 503 at the deadline), and one that
 * answers at once, to probe whether a thread of the plugin is free without holding it.
 */
@Extension
public final class SleepingRoutes implements GlobalRoutes {
    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new Nap());
    }

    /** {@code GET /api/plugins/<id>/nap}. */
    @Path("/nap")
    public static final class Nap {
        @GET
        public String nap() throws InterruptedException {
            Thread.sleep(600_000);
            return "rested";
        }

        @GET
        @Path("/awake")
        public String awake() {
            return "awake";
        }
    }
}
