package dev.eliza.apidocs;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.http.api.DomainContribution;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.ws.rs.Path;

/**
 * Builds one OpenAPI 3.1 document from the JAX-RS resources of a set of contributions with swagger-core's reader.
 * Each contribution is read on its own (a reader keeps state, and a plugin's {@code @Path}s are relative to its
 * {@link DomainContribution#basePath()}), its paths prefixed and its operations tagged with its domain.
 */
final class OpenApiBuilder {
    static final String API_KEY_SCHEME = "apiKey";
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiBuilder.class);

    private final String version;

    OpenApiBuilder(String version) {
        this.version = version;
    }

    /** The document as JSON text. */
    String json(Collection<DomainContribution> contributions) {
        try {
            return Json31.pretty(build(contributions));
        } finally {
            // swagger-core's shared mappers cache the types they resolved, which hold the domains' classes: a
            // domain updated since would otherwise keep its old class loader reachable.
            Json.mapper().getTypeFactory().clearCache();
            Json31.mapper().getTypeFactory().clearCache();
        }
    }

    OpenAPI build(Collection<DomainContribution> contributions) {
        OpenAPI document = new OpenAPI(SpecVersion.V31)
                .openapi("3.1.0")
                .info(new Info().title("Eliza OSGi server").version(version)
                        .description("The ElizaOS 1.x REST API of the domains mounted now."))
                .components(new Components().addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-KEY")
                        .description("Needed on every path when ELIZA_SERVER_AUTH_TOKEN is set.")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
        Map<String, PathItem> paths = new TreeMap<>();
        Set<String> operationIds = new HashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        contributions.stream().sorted(Comparator.comparing(DomainContribution::domain)).forEach(contribution -> {
            Set<Class<?>> classes = resourceClasses(contribution);
            if (classes.isEmpty()) {
                return;
            }
            OpenAPI part;
            try {
                part = new Reader(new SwaggerConfiguration().openAPI31(true)).read(classes);
            } catch (RuntimeException | LinkageError e) {
                // One domain whose classes the reader cannot take must not take the others' documentation down.
                LOG.warn("OpenAPI: the resources of domain {} could not be read: {}", contribution.domain(), e.toString());
                return;
            }
            tags.add(contribution.domain());
            merge(document, part, contribution, paths, operationIds);
        });
        Paths all = new Paths();
        paths.forEach(all::addPathItem);
        document.paths(all);
        tags.forEach(tag -> document.addTagsItem(new Tag().name(tag)));
        return document;
    }

    private static void merge(OpenAPI document, OpenAPI part, DomainContribution contribution,
            Map<String, PathItem> paths, Set<String> operationIds) {
        if (part.getPaths() != null) {
            part.getPaths().forEach((path, item) -> {
                for (Operation operation : item.readOperations()) {
                    if (operation.getTags() == null || operation.getTags().isEmpty()) {
                        operation.setTags(List.of(contribution.domain()));
                    }
                    operation.setOperationId(unique(operation.getOperationId(), contribution.domain(), operationIds));
                }
                paths.merge(join(contribution.basePath(), path), item, OpenApiBuilder::combine);
            });
        }
        if (part.getComponents() != null && part.getComponents().getSchemas() != null) {
            part.getComponents().getSchemas().forEach(document.getComponents()::addSchemas);
        }
    }

    /** The same path served by two contributions (one by prefix, one by method) keeps the operations of both. */
    private static PathItem combine(PathItem first, PathItem second) {
        second.readOperationsMap().forEach((method, operation) -> {
            if (!first.readOperationsMap().containsKey(method)) {
                first.operation(method, operation);
            }
        });
        return first;
    }

    /** Operation ids are unique in a document; two domains may both have a {@code list} method. */
    private static String unique(String id, String domain, Set<String> taken) {
        String base = id == null || id.isBlank() ? domain : id;
        String candidate = base;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = base + "_" + domain + (i > 2 ? "_" + i : "");
        }
        return candidate;
    }

    static String join(String basePath, String path) {
        String base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        String tail = path.startsWith("/") ? path : "/" + path;
        String joined = base + tail;
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Set<Class<?>> resourceClasses(DomainContribution contribution) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Object resource : contribution.resources()) {
            if (resource.getClass().isAnnotationPresent(Path.class)) {
                classes.add(resource.getClass());
            }
        }
        return classes;
    }
}
