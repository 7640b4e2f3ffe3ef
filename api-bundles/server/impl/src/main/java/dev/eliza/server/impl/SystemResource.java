package dev.eliza.server.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.http.api.SameOriginOnly;
import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/system/*}: version, client configuration and the local environment file. */
@Path("/api/system")
@Produces(MediaType.APPLICATION_JSON)
public final class SystemResource {
    private final HealthReports reports;
    private final PlatformState platform;
    private final LocalEnvFile env;
    private final String environment;

    SystemResource(HealthReports reports, PlatformState platform, LocalEnvFile env, String environment) {
        this.reports = reports;
        this.platform = platform;
        this.env = env;
        this.environment = environment;
    }

    @GET
    @Path("version")
    public Map<String, Object> version() {
        return reports.version(environment);
    }

    @GET
    @Path("config")
    public ApiSuccess<Map<String, Object>> config() {
        return ApiSuccess.of(Map.of("requiresAuth", platform.authRequired()));
    }

    @GET
    @Path("env/local")
    public ApiSuccess<Map<String, String>> readEnv() {
        return ApiSuccess.of(env.readMasked());
    }

    @POST
    @Path("env/local")
    @SameOriginOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public Outcome writeEnv(JsonNode body) {
        JsonNode content = body == null ? null : body.get("content");
        replaceEnv(content);
        return Outcome.of("Local env updated");
    }

    /** Validates {@code content} (an object of scalar values) and replaces the file with it. */
    void replaceEnv(JsonNode content) {
        if (content == null || !content.isObject()) {
            throw ApiException.badRequest("INVALID_INPUT", "Missing or invalid \"content\" in request body");
        }
        Map<String, String> values = new LinkedHashMap<>();
        var fields = content.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw ApiException.badRequest("INVALID_INPUT", "Value of " + field.getKey() + " must be text");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        env.replace(values);
    }
}
