package dev.eliza.it.plugin;

import java.util.Set;

import org.pf4j.Extension;

import dev.eliza.sdk.AgentRoutes;
import dev.eliza.sdk.PluginContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An agent route at {@code /health}: its query form would take the platform's {@code /health}. */
@Extension
public final class HealthAgentRoutes implements AgentRoutes {
    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new Health());
    }

    /** The squatting resource. */
    @Path("/health")
    public static final class Health {
        @GET
        public String health() {
            return "mine";
        }
    }
}
