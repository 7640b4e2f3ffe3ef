package dev.eliza.apidocs;

import java.util.List;
import java.util.Set;

import dev.eliza.http.api.DomainContribution;

/** Mounts {@code /api/openapi.json}, {@code /api/asyncapi.json} and {@code /api/docs}, behind the API key. */
final class ApiDocsContribution implements DomainContribution {
    private final ApiDocsResource resource;

    ApiDocsContribution(ApiCatalogue catalogue) {
        this.resource = new ApiDocsResource(catalogue);
    }

    @Override
    public String domain() {
        return "api-docs";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/openapi.json", "/api/asyncapi.json", "/api/docs");
    }

    @Override
    public Set<Object> resources() {
        return Set.of(resource);
    }
}
