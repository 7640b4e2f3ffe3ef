package dev.eliza.server.impl;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.http.api.SameOriginOnly;
import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The short system routes of the ElizaOS seed documents ({@code /api/ping}, {@code /api/health}, ...), answering
 * exactly as their {@code /api/server} and {@code /api/system} counterparts.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public final class ApiAliasesResource {
    private final ServerResource server;
    private final SystemResource system;

    ApiAliasesResource(ServerResource server, SystemResource system) {
        this.server = server;
        this.system = system;
    }

    @GET
    @Path("ping")
    public Map<String, Object> ping() {
        return server.ping();
    }

    @GET
    @Path("health")
    public Response health() {
        return server.health();
    }

    @GET
    @Path("status")
    public Map<String, Object> status() {
        return server.status();
    }

    @GET
    @Path("version")
    public Map<String, Object> version() {
        return system.version();
    }

    @GET
    @Path("config")
    public ApiSuccess<Map<String, Object>> config() {
        return system.config();
    }

    @GET
    @Path("env")
    public ApiSuccess<Map<String, String>> env() {
        return system.readEnv();
    }

    /** Takes {@code {"content":{...}}} as {@code /api/system/env/local} does, or the variables object itself. */
    @PUT
    @Path("env")
    @SameOriginOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public Outcome replaceEnv(JsonNode body) {
        system.replaceEnv(body != null && body.has("content") ? body.get("content") : body);
        return Outcome.of("Local env updated");
    }

    @POST
    @Path("stop")
    @SameOriginOnly
    public Map<String, Object> stop() {
        return server.stop();
    }
}
