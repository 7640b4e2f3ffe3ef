package dev.eliza.plugins.hello;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/agents/<agentId>/plugins/hello}: a greeting from the agent. */
@Path("/hello")
public final class AgentGreeting {
    private final String greeting;

    AgentGreeting(String greeting) {
        this.greeting = greeting;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> greet(@PathParam("agentId") String agentId) {
        return Map.of("agentId", agentId, "message", greeting + " from your agent");
    }
}
