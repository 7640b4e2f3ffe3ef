package dev.eliza.http.testing;

import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

import dev.eliza.http.api.DomainContribution;
import dev.eliza.http.impl.SliceContexts;

/**
 * HTTP-slice test kit: serves JAX-RS resources exactly as the platform mounts a domain (same JSON, same error
 * envelopes) on an in-memory Jetty connector, and sends raw HTTP requests to them.
 *
 * <pre>{@code
 * try (ResourceSlice slice = ResourceSlice.of(new PingResource())) {
 *     HttpTester.Response response = slice.get("/api/ping");
 * }
 * }</pre>
 */
public final class ResourceSlice implements AutoCloseable {
    private final Server server;
    private final LocalConnector connector;

    private ResourceSlice(Server server, LocalConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts a slice serving {@code resources}. */
    public static ResourceSlice of(Object... resources) throws Exception {
        return of(DomainContribution.of("slice", List.of("/api"), resources));
    }

    /** Starts a slice serving the whole of {@code contribution}: its resources, servlets and filters. */
    public static ResourceSlice of(DomainContribution contribution) throws Exception {
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(SliceContexts.context(contribution));
        server.start();
        return new ResourceSlice(server, connector);
    }

    public HttpTester.Response get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    public HttpTester.Response delete(String path) throws Exception {
        return send("DELETE", path, null, null);
    }

    /** Sends {@code body} as {@code application/json}. */
    public HttpTester.Response json(String method, String path, String body) throws Exception {
        return send(method, path, "application/json", body);
    }

    /** Sends any request; {@code contentType} and {@code body} may be null. */
    public HttpTester.Response send(String method, String path, String contentType, String body) throws Exception {
        return sendWith(method, path, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
    }

    /** Sends any request with these headers ({@code Host} is {@code slice} unless given); {@code body} may be null. */
    public HttpTester.Response sendWith(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpTester.Request request = HttpTester.newRequest();
        request.setMethod(method);
        request.setURI(path);
        request.setHeader("Host", "slice");
        headers.forEach(request::setHeader);
        if (body != null) {
            request.setContent(body);
        }
        return HttpTester.parseResponse(connector.getResponse(request.generate()));
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
