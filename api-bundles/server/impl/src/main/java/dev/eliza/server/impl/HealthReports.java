package dev.eliza.server.impl;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

/** The health and status bodies, shaped as ElizaOS 1.7.2 sends them, with readiness backed by a real query. */
final class HealthReports {
    /** The ElizaOS API version whose wire this server speaks. */
    static final String API_VERSION = "1.7.2";

    private final PlatformState platform;
    private final Clock clock;

    HealthReports(PlatformState platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    /**
     * {@code /api/server/health}: 200 when start-up is over and the database answers, else 503 with
     * {@code ready:false}.
     */
    Response health(boolean withAgentCount) {
        boolean databaseUp = platform.databaseHealthy();
        boolean ready = databaseUp && platform.routesReady();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "OK" : "error");
        body.put("ready", ready);
        body.put("version", API_VERSION);
        body.put("serverVersion", platform.serverVersion());
        body.put("timestamp", clock.instant().toString());
        Map<String, String> dependencies = new LinkedHashMap<>();
        dependencies.put("agents", platform.agentCount().map(n -> n > 0 ? "healthy" : "no_agents")
                .orElse("unavailable"));
        dependencies.put("database", databaseUp ? "healthy" : "unhealthy");
        dependencies.put("routes", platform.routesReady() ? "healthy" : "starting");
        Optional<String> searchIndex = platform.memorySearchIndex();
        dependencies.put("memory", searchIndex.isPresent() ? "healthy" : "unavailable");
        body.put("dependencies", dependencies);
        searchIndex.ifPresent(index -> body.put("memorySearch", index));
        if (withAgentCount) {
            body.put("agentCount", platform.agentCount().orElse(0L));
        }
        return Response.status(ready ? 200 : 503).entity(body).build();
    }

    /** {@code /api/server/status}. */
    Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("agentCount", platform.agentCount().orElse(0L));
        body.put("timestamp", clock.instant().toString());
        return body;
    }

    /** {@code /healthz}: liveness only, no dependency is consulted. */
    Map<String, Object> alive() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("timestamp", clock.instant().toString());
        return body;
    }

    /** {@code /api/server/ping}. */
    Map<String, Object> pong() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pong", true);
        body.put("timestamp", clock.millis());
        return body;
    }

    /** {@code /api/system/version}. */
    Map<String, Object> version(String environment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", API_VERSION);
        body.put("serverVersion", platform.serverVersion());
        body.put("source", "server");
        body.put("timestamp", clock.instant().toString());
        body.put("environment", environment);
        body.put("uptime", (clock.millis() - platform.startedAt().toEpochMilli()) / 1000.0);
        return body;
    }
}
