package dev.eliza.apidocs;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.eliza.http.api.DomainContribution;

/** Mounts {@code /api/openapi.json}, {@code /api/asyncapi.json} and {@code /api/docs}, behind the API key. */
@Component(service = DomainContribution.class)
public final class ApiDocsContribution implements DomainContribution {
    private final ApiDocsResource resource;

    @Activate
    public ApiDocsContribution(@Reference ApiCatalogue catalogue) {
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
