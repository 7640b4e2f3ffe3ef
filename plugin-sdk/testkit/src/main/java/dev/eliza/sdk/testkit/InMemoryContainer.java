package dev.eliza.sdk.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** JAX-RS resources served by Jersey without any network: a request in, a {@link TestResponse} out. */
final class InMemoryContainer {
    /**
     * Jersey warns that every resource registered as an instance "does not implement any provider interfaces"
     * (eclipse-ee4j/jersey#3700) and then serves it anyway; held in a field since JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger PROVIDER_CHECK = quiet("org.glassfish.jersey.internal.inject.Providers");

    private final ApplicationHandler handler;
    private final URI base;

    /** {@code base} is what the resources' {@code @Path}s are relative to, as on the server. */
    InMemoryContainer(URI base, Set<Object> resources) {
        ResourceConfig config = new ResourceConfig().register(JacksonFeature.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        resources.forEach(config::register);
        this.handler = new ApplicationHandler(config);
        this.base = base;
    }

    TestResponse apply(String method, URI uri, Map<String, String> requestHeaders, String body) {
        ContainerRequest request = new ContainerRequest(base, uri, method, null, new MapPropertiesDelegate(),
                handler.getConfiguration());
        requestHeaders.forEach(request::header);
        if (body != null && !requestHeaders.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        request.setEntityStream(new ByteArrayInputStream(body == null ? new byte[0]
                : body.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream entity = new ByteArrayOutputStream();
        ContainerResponse response;
        try {
            response = handler.apply(request, entity).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The route failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("The route did not answer", e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getStringHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return new TestResponse(response.getStatus(), Map.copyOf(headers), entity.toString(StandardCharsets.UTF_8));
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }
}
