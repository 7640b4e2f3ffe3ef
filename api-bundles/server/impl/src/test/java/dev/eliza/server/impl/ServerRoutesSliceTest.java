package dev.eliza.server.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.http.testing.ResourceSlice;
import dev.eliza.platform.logging.LogEntry;

class ServerRoutesSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final FakePlatform platform = new FakePlatform();
    private ResourceSlice slice;

    @BeforeEach
    void start() throws Exception {
        HealthReports reports = new HealthReports(platform, Clock.systemUTC());
        ServerResource server = new ServerResource(reports, platform);
        SystemResource system = new SystemResource(reports, platform, new LocalEnvFile(dir.resolve("local.env")),
                "test");
        slice = ResourceSlice.of(server, system, new LogsResource(platform), new RootHealthResource(reports),
                new ApiAliasesResource(server, system));
    }

    @AfterEach
    void stop() throws Exception {
        slice.close();
    }

    @Test
    void pingHelloAndStatus() throws Exception {
        JsonNode ping = json(slice.get("/api/server/ping"));
        assertThat(ping.path("pong").asBoolean()).isTrue();
        assertThat(ping.path("timestamp").isNumber()).isTrue();
        assertThat(slice.get("/api/server/hello").getContent()).isEqualTo("{\"message\":\"Hello World!\"}");
        assertThat(json(slice.get("/api/server/status")).path("agentCount").asLong()).isEqualTo(2);
    }

    @Test
    void healthFollowsTheDatabase() throws Exception {
        HttpTester.Response up = slice.get("/api/server/health");
        assertThat(up.getStatus()).isEqualTo(200);
        assertThat(json(up).path("dependencies").path("database").asText()).isEqualTo("healthy");
        platform.databaseHealthy = false;
        HttpTester.Response down = slice.get("/api/server/health");
        assertThat(down.getStatus()).isEqualTo(503);
        assertThat(json(down).path("ready").asBoolean()).isFalse();
        assertThat(slice.get("/health").getStatus()).isEqualTo(503);
        assertThat(slice.get("/healthz").getStatus()).isEqualTo(200);
    }

    @Test
    void healthNamesTheMemorySearchIndexWhileMemoryIsHere() throws Exception {
        JsonNode up = json(slice.get("/api/server/health"));
        assertThat(up.path("memorySearch").asText()).isEqualTo("in-memory");
        assertThat(up.path("dependencies").path("memory").asText()).isEqualTo("healthy");
        platform.searchIndex = Optional.empty();
        HttpTester.Response away = slice.get("/api/server/health");
        assertThat(away.getStatus()).isEqualTo(200);
        assertThat(json(away).has("memorySearch")).isFalse();
        assertThat(json(away).path("dependencies").path("memory").asText()).isEqualTo("unavailable");
    }

    @Test
    void healthIsNotReadyWhileRoutesAreStillBeingMounted() throws Exception {
        platform.routesReady = false;
        HttpTester.Response starting = slice.get("/health");
        assertThat(starting.getStatus()).isEqualTo(503);
        assertThat(json(starting).path("ready").asBoolean()).isFalse();
        assertThat(json(starting).path("dependencies").path("routes").asText()).isEqualTo("starting");
        assertThat(json(starting).path("dependencies").path("database").asText()).isEqualTo("healthy");
        platform.routesReady = true;
        assertThat(slice.get("/health").getStatus()).isEqualTo(200);
    }

    @Test
    void logsAreFilteredLimitedAndCleared() throws Exception {
        platform.entries.add(new LogEntry(1, 20, "debug line", "a"));
        platform.entries.add(new LogEntry(2, 30, "info line", "a"));
        platform.entries.add(new LogEntry(3, 50, "error line", "a"));
        JsonNode all = json(slice.get("/api/server/logs?limit=2"));
        assertThat(all.path("logs").findValuesAsText("msg")).containsExactly("info line", "error line");
        assertThat(all.path("total").asInt()).isEqualTo(3);
        assertThat(all.path("logs").get(0).toString()).isEqualTo("{\"time\":2,\"level\":30,\"msg\":\"info line\"}");
        JsonNode errors = json(slice.json("POST", "/api/server/logs", "{\"level\":\"error\"}"));
        assertThat(errors.path("logs").findValuesAsText("msg")).containsExactly("error line");
        assertThat(slice.get("/api/server/logs?level=loud").getStatus()).isEqualTo(400);
        assertThat(slice.get("/api/server/logs?limit=-1").getStatus()).isEqualTo(400);
        assertThat(slice.delete("/api/server/logs").getContent())
                .isEqualTo("{\"status\":\"success\",\"message\":\"Logs cleared successfully\"}");
        assertThat(platform.entries).isEmpty();
    }

    @Test
    void localEnvironmentThroughBothRoutes() throws Exception {
        HttpTester.Response missing = slice.json("POST", "/api/system/env/local", "{}");
        assertThat(missing.getContent()).isEqualTo("{\"success\":false,\"error\":{\"code\":\"INVALID_INPUT\","
                + "\"message\":\"Missing or invalid \\\"content\\\" in request body\"}}");
        assertThat(slice.json("PUT", "/api/env", "{\"MODEL\":\"gpt\",\"SECRET_KEY\":\"k\"}").getContent())
                .isEqualTo("{\"success\":true,\"message\":\"Local env updated\"}");
        JsonNode env = json(slice.get("/api/system/env/local")).path("data");
        assertThat(env.path("MODEL").asText()).isEqualTo("gpt");
        assertThat(env.path("SECRET_KEY").asText()).isEqualTo(LocalEnvFile.MASK);
        assertThat(slice.json("POST", "/api/system/env/local", "{\"content\":{\"N\":{\"nested\":1}}}").getStatus())
                .isEqualTo(400);
    }

    @Test
    void versionAndStop() throws Exception {
        JsonNode version = json(slice.get("/api/version"));
        assertThat(version.path("version").asText()).isEqualTo(HealthReports.API_VERSION);
        assertThat(version.path("environment").asText()).isEqualTo("test");
        assertThat(version.path("uptime").asDouble()).isGreaterThanOrEqualTo(5.0);
        assertThat(json(slice.json("POST", "/api/server/stop", "{}")).path("success").asBoolean()).isTrue();
        assertThat(platform.stopped).isTrue();
    }

    private static JsonNode json(HttpTester.Response response) throws Exception {
        return JSON.readTree(response.getContent());
    }
}
