package ${package};

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /api/plugins/${pluginId}/hello; the greeting comes from the setting PLUGIN_..._GREETING. */
@Path("/hello")
public final class Hello {
    private final String greeting;

    Hello(String greeting) {
        this.greeting = greeting;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> hello() {
        return Map.of("message", greeting + " from ${pluginId}");
    }
}
