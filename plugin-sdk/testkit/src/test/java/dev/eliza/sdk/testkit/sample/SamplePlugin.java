package dev.eliza.sdk.testkit.sample;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.pf4j.Extension;

import dev.eliza.sdk.AgentEvent;
import dev.eliza.sdk.AgentRoutes;
import dev.eliza.sdk.EventListener;
import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;
import dev.eliza.sdk.PluginService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A plugin with one of each extension, as a plugin author would write it. */
public final class SamplePlugin {
    private SamplePlugin() {
    }

    /** Global routes: a greeting and a counter. */
    @Extension
    public static final class Routes implements GlobalRoutes {
        @Override
        public Set<Object> resources(PluginContext context) {
            return Set.of(new Greeting(context));
        }
    }

    /** {@code /api/plugins/sample/greeting}. */
    @Path("/greeting")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Greeting {
        private final PluginContext context;

        Greeting(PluginContext context) {
            this.context = context;
        }

        @GET
        public Map<String, String> greet() {
            return Map.of("message", context.settings().getOrDefault("greeting", "Hello"));
        }

        @POST
        @Path("count")
        public Map<String, Long> count() {
            return Map.of("count", context.store().increment("count", 1));
        }
    }

    /** Agent routes: {@code /weather}. */
    @Extension
    public static final class PerAgent implements AgentRoutes {
        @Override
        public Set<Object> resources(PluginContext context) {
            return Set.of(new Weather());
        }
    }

    /** {@code /api/agents/<id>/plugins/weather}. */
    @Path("/weather")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Weather {
        @GET
        public Map<String, String> today(@PathParam("agentId") String agentId) {
            return Map.of("agentId", agentId, "sky", "clear");
        }
    }

    /** Announces started agents in channel 1. */
    @Extension
    public static final class Announcer implements EventListener {
        static final UUID CHANNEL = new UUID(0, 1);

        @Override
        public void agentStarted(AgentEvent event, PluginContext context) {
            context.messages().send(CHANNEL, event.agentId(), event.agentName() + " is online");
        }
    }

    /** Marks its start and stop in the store. */
    @Extension
    public static final class Marker implements PluginService {
        private PluginContext context;

        @Override
        public void start(PluginContext context) {
            this.context = context;
            context.store().put("state", "started");
        }

        @Override
        public void stop() {
            context.store().put("state", "stopped");
        }
    }
}
