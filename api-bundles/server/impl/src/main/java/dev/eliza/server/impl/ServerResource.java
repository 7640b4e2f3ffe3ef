package dev.eliza.server.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.eliza.http.api.SameOriginOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/server/*}: ping, hello, status, health, debug and stop; raw bodies, as ElizaOS sends them. */
@Path("/api/server")
@Produces(MediaType.APPLICATION_JSON)
public final class ServerResource {
    static final String DEFAULT_SERVER_ID = "00000000-0000-0000-0000-000000000000";

    private final HealthReports reports;
    private final PlatformState platform;

    ServerResource(HealthReports reports, PlatformState platform) {
        this.reports = reports;
        this.platform = platform;
    }

    @GET
    @Path("ping")
    public Map<String, Object> ping() {
        return reports.pong();
    }

    @GET
    @Path("hello")
    public Map<String, String> hello() {
        return Map.of("message", "Hello World!");
    }

    @GET
    @Path("status")
    public Map<String, Object> status() {
        return reports.status();
    }

    @GET
    @Path("health")
    public Response health() {
        return reports.health(false);
    }

    /** The message servers; until the messaging domain lands, the default server every install has. */
    @GET
    @Path("debug/servers")
    public Map<String, Object> servers() {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("id", DEFAULT_SERVER_ID);
        server.put("name", "Default Server");
        server.put("sourceType", "eliza_default");
        String since = platform.startedAt().toString();
        server.put("createdAt", since);
        server.put("updatedAt", since);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("servers", List.of(server));
        body.put("count", 1);
        return body;
    }

    @POST
    @Path("stop")
    @SameOriginOnly
    public Map<String, Object> stop() {
        platform.stopPlatform();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("message", "Server stopping");
        body.put("timestamp", Instant.now().toString());
        return body;
    }
}
