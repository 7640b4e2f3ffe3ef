package dev.eliza.http.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jetty.websocket.server.WebSocketCreator;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

/**
 * A set of REST routes a domain bundle contributes to the shared HTTP server, registered as an OSGi service.
 *
 * <p>The HTTP bundle builds one Jersey container per contribution and routes every request whose path starts
 * with one of {@link #pathPrefixes()} (on a segment boundary, longest prefix wins) to it. Resource classes carry
 * their full paths, e.g. {@code @Path("/api/agents")}, so a route is found by reading one class. When the service
 * is unregistered (its bundle stops), the routes disappear; requests in flight finish first.
 *
 * <pre>{@code
 * @Component(service = DomainContribution.class)
 * public final class PingContribution implements DomainContribution {
 *     public String domain() { return "ping"; }
 *     public List<String> pathPrefixes() { return List.of("/api/ping"); }
 *     public Set<Object> resources() { return Set.of(new PingResource()); }
 * }
 * }</pre>
 *
 * <p>A prefix already owned by another contribution is refused with an error in the log, and the contribution is
 * told why through {@link #refused(String)}; it is mounted as soon as the owner of the path goes away.
 *
 * <p>WebSocket endpoints ({@link #webSockets()}) are served on the same paths: an upgrade request to a mapped path
 * gets a connection whose listener the {@link WebSocketCreator} returns (a Jetty
 * {@code org.eclipse.jetty.websocket.api.Session.Listener}); other requests go to the JAX-RS resources. The
 * connections close when the contribution goes.
 */
public interface DomainContribution {

    /** The domain's short name, as shown in logs and by the modules API (for example {@code agents}). */
    String domain();

    /**
     * Absolute path prefixes this contribution owns, each starting with {@code /} and without trailing slash. A
     * segment {@code *} matches any one segment and a trailing {@code $} restricts a prefix to exactly its
     * segments ({@code /api/plugins/*$} is {@code /api/plugins/x} but not {@code /api/plugins/x/y}); exact prefixes
     * win over others, then more segments, then longer text. The prefix {@code /} alone takes every path no other
     * prefix claims (the web client's single-page fallback).
     */
    List<String> pathPrefixes();

    /** JAX-RS resource and provider instances to serve; none for a contribution of plain servlets only. */
    Set<Object> resources();

    /** A contribution of JAX-RS resources only, with full {@code @Path}s, for code that needs no class of its own. */
    static DomainContribution of(String domain, List<String> pathPrefixes, Object... resources) {
        List<String> prefixes = List.copyOf(pathPrefixes);
        Set<Object> instances = Set.of(resources);
        return new DomainContribution() {
            @Override
            public String domain() {
                return domain;
            }

            @Override
            public List<String> pathPrefixes() {
                return prefixes;
            }

            @Override
            public Set<Object> resources() {
                return instances;
            }
        };
    }

    /**
     * The prefixes, among {@link #pathPrefixes()}, served without the API key: health checks, and endpoints that
     * authenticate their clients themselves (the Socket.IO handshake). Every other path needs the key when one is
     * configured. None by default.
     */
    default List<String> publicPrefixes() {
        return List.of();
    }

    /**
     * WebSocket endpoints by exact path (for example {@code /api/logs/ws}), each under one of
     * {@link #pathPrefixes()}. None by default.
     */
    default Map<String, WebSocketCreator> webSockets() {
        return Map.of();
    }

    /**
     * The path the JAX-RS resources' {@code @Path} values are relative to; empty (the default) when they carry
     * full paths. Plugin routes use it: {@code @Path("/greeting")} under {@code /api/plugins/hello}.
     */
    default String basePath() {
        return "";
    }

    /**
     * Plain servlets by servlet path spec (for example {@code /socket.io/*}), served asynchronously beside the
     * JAX-RS resources, for protocols JAX-RS does not fit (long polling). None by default.
     */
    default Map<String, Servlet> servlets() {
        return Map.of();
    }

    /**
     * Servlet filters by URL pattern (for example {@code /api/server/ping}), run before this contribution's servlets
     * and JAX-RS resources. For a hot, small route that answers on its own without JAX-RS's per-request routing and
     * injection (most of what such a route costs), passing every other request on. None by default.
     */
    default Map<String, Filter> filters() {
        return Map.of();
    }

    /**
     * Called when the HTTP server will not mount this contribution (a prefix is taken or invalid, or its JAX-RS
     * application cannot be built, for example because two resource methods are ambiguous), with the reason.
     * A contribution refused for a taken path waits and is mounted once the path is free; an invalid one never is.
     * A build failure's reason starts with "its routes could not be built".
     * Called on the registering thread when the server is up, later otherwise. Nothing by default: the reason is
     * logged either way.
     */
    default void refused(String reason) {
    }
}
