package dev.eliza.it.plugin;

import java.util.Set;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

/** A plugin whose route throws on every call, beside one that refuses its client (which is no fault). */
@Extension
public final class ThrowingRoutes implements GlobalRoutes {
    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new Boom());
    }

    /** {@code GET /api/plugins/<id>/boom} fails; {@code GET .../boom/missing} answers 404. */
    @Path("/boom")
    public static final class Boom {
        @GET
        public String boom() {
            throw new IllegalStateException("broken on every call");
        }

        @GET
        @Path("/missing")
        public String missing() {
            throw new NotFoundException();
        }
    }
}
