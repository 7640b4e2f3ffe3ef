package dev.eliza.plugins.hello;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/plugins/hello/greeting?name=...}. */
@Path("/greeting")
public final class Greeting {
    private final String greeting;

    Greeting(String greeting) {
        this.greeting = greeting;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> greet(@QueryParam("name") String name) {
        return Map.of("message", greeting + ", " + (name == null || name.isBlank() ? "world" : name) + "!");
    }
}
