package dev.eliza.http.impl;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/server/routes}: every mounted path prefix with the domain and bundle that own it. */
@Path("/api/server/routes")
@Produces(MediaType.APPLICATION_JSON)
public final class RoutesResource {
    /** One row of the route table. */
    record Route(String path, String domain, String owner) {
    }

    private final DomainRouter router;

    RoutesResource(DomainRouter router) {
        this.router = router;
    }

    @GET
    public ApiSuccess<Map<String, List<Route>>> routes() {
        List<Route> routes = router.mounts().stream()
                .flatMap(m -> m.prefixes().stream().map(p -> new Route(p, m.domain(), m.owner())))
                .sorted(Comparator.comparing(Route::path)).toList();
        return ApiSuccess.of(Map.of("routes", routes));
    }
}
