package dev.eliza.server.impl;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /healthz} (liveness) and {@code /health} (readiness), outside {@code /api} and never behind the key. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class RootHealthResource {
    private final HealthReports reports;

    RootHealthResource(HealthReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("healthz")
    public Map<String, Object> healthz() {
        return reports.alive();
    }

    @GET
    @Path("health")
    public Response health() {
        return reports.health(true);
    }
}
