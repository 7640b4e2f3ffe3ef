package dev.eliza.it.plugin;

import java.util.Set;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Routes Jersey cannot build (two GET methods on one path): the plugin must not start. */
@Extension
public final class AmbiguousRoutes implements GlobalRoutes {
    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new Twice());
    }

    /** The ambiguous resource. */
    @Path("/twice")
    public static final class Twice {
        @GET
        public String one() {
            return "one";
        }

        @GET
        public String two() {
            return "two";
        }
    }
}
