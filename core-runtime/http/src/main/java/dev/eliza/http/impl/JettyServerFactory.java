package dev.eliza.http.impl;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import dev.eliza.http.api.RequestCounters;

/**
 * Assembles the one Jetty server: graceful shutdown, request ids, CORS, API-key authentication and the body size
 * limit, composed from Jetty's own handlers, in front of the domain router; and its access log.
 */
final class JettyServerFactory {
    private JettyServerFactory() {
    }

    /** The server in front of {@code router}; {@code counters} are the cluster's request counters while bound. */
    static Server create(HttpSettings settings, DomainRouter router, Supplier<Optional<RequestCounters>> counters) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setReuseAddress(true);
        server.addConnector(connector);

        Handler chain = new SizeLimitHandler(settings.maxBodyBytes(), -1);
        ((Handler.Wrapper) chain).setHandler(router);
        ApiKey key = ApiKey.of(settings.authToken());
        chain = RateLimitHandler.around(chain, settings.rateLimit(), key.configured(), counters);
        if (key.configured()) {
            chain = new ApiKeyAuthHandler(key, router::isOpen, chain);
        }
        CrossOriginHandler cors = cors(settings.corsOrigins());
        cors.setHandler(chain);
        GracefulHandler graceful = new GracefulHandler(new RequestIdHandler(
                new HostGuard(settings.allowedHosts(), key, cors)));
        SecurityHeadersHandler headers = new SecurityHeadersHandler(settings.contentSecurityPolicy(), graceful);
        server.setHandler(headers);
        server.setErrorHandler(headers.onErrors(new JsonErrorHandler()));
        server.setStopTimeout(settings.shutdownTimeout().toMillis());
        if (settings.accessLog().enabled()) {
            server.setRequestLog(AccessLog.toSlf4j(settings.accessLog()));
        }
        return server;
    }

    private static CrossOriginHandler cors(String origins) {
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(Set.of(origins.split("\\s*,\\s*")));
        cors.setAllowCredentials(!"*".equals(origins.trim()));
        cors.setAllowedMethods(Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"));
        cors.setAllowedHeaders(Set.of("Content-Type", "Authorization", "X-API-KEY", "X-Request-Id"));
        cors.setExposedHeaders(Set.of("X-Request-Id", "Retry-After"));
        return cors;
    }
}
