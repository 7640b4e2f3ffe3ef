package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The server and system routes, the error handling every domain shares, and the platform's start-up rules. */
class PlatformIT {
    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env("MAX_BODY_BYTES", "4096"));
    static PlatformProcess platform;
    static Http http;

    @BeforeAll
    static void client() {
        platform = PLATFORM.process();
        http = PLATFORM.http();
    }

    @Test
    void serverRoutesAnswerWithTheElizaShapes() throws Exception {
        JsonNode ping = http.get("/api/server/ping").json();
        assertThat(ping.get("pong").asBoolean()).isTrue();
        assertThat(ping.get("timestamp").isNumber()).isTrue();
        assertThat(http.get("/api/server/hello").body()).isEqualTo("{\"message\":\"Hello World!\"}");
        JsonNode status = http.get("/api/server/status").json();
        assertThat(status.get("status").asText()).isEqualTo("ok");
        assertThat(status.get("agentCount").isNumber()).isTrue();
        JsonNode health = http.get("/api/server/health").json();
        assertThat(health.get("status").asText()).isEqualTo("OK");
        assertThat(health.path("dependencies").path("database").asText()).isEqualTo("healthy");
        assertThat(http.get("/healthz").json().get("status").asText()).isEqualTo("ok");
        assertThat(http.get("/health").json().has("agentCount")).isTrue();
        JsonNode servers = http.get("/api/server/debug/servers").json();
        assertThat(servers.get("success").asBoolean()).isTrue();
        assertThat(servers.get("count").asInt()).isEqualTo(servers.get("servers").size());
    }

    @Test
    void seedDocumentAliasesMatchTheirServerRoutes() throws Exception {
        assertThat(http.get("/api/ping").json().get("pong").asBoolean()).isTrue();
        assertThat(http.get("/api/status").json().get("status").asText()).isEqualTo("ok");
        assertThat(http.get("/api/health").json().get("status").asText()).isEqualTo("OK");
        assertThat(http.get("/api/version").json().get("source").asText()).isEqualTo("server");
        assertThat(http.get("/api/config").json().path("data").path("requiresAuth").asBoolean()).isFalse();
    }

    @Test
    void systemRoutesReportVersionConfigAndLocalEnvironment() throws Exception {
        JsonNode version = http.get("/api/system/version").json();
        assertThat(version.get("version").asText()).isEqualTo("1.7.2");
        assertThat(version.get("uptime").isNumber()).isTrue();
        assertThat(http.get("/api/system/config").body())
                .isEqualTo("{\"success\":true,\"data\":{\"requiresAuth\":false}}");

        Http.Reply written = http.json("POST", "/api/system/env/local",
                "{\"content\":{\"PEER_EXAMPLE_VAR\":\"hello\",\"OPENAI_API_KEY\":\"sk-123\"}}");
        assertThat(written.body()).isEqualTo("{\"success\":true,\"message\":\"Local env updated\"}");
        JsonNode env = http.get("/api/system/env/local").json().get("data");
        assertThat(env.get("PEER_EXAMPLE_VAR").asText()).isEqualTo("hello");
        assertThat(env.get("OPENAI_API_KEY").asText()).isEqualTo("********");

        Http.Reply missing = http.json("POST", "/api/system/env/local", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(http.get("/api/env").json().path("data").path("PEER_EXAMPLE_VAR").asText()).isEqualTo("hello");
    }

    @Test
    void logsCanBeReadFilteredAndCleared() throws Exception {
        JsonNode logs = http.get("/api/server/logs?limit=3").json();
        assertThat(logs.get("logs").size()).isBetween(1, 3);
        assertThat(logs.get("logs").get(0).has("msg")).isTrue();
        assertThat(logs.get("levels").size()).isEqualTo(9);
        JsonNode posted = http.json("POST", "/api/server/logs", "{\"limit\":2,\"level\":\"info\"}").json();
        assertThat(posted.get("requestedLevel").asText()).isEqualTo("info");
        assertThat(http.get("/api/server/logs?level=loud").status()).isEqualTo(400);
        assertThat(http.delete("/api/server/logs").json().get("message").asText())
                .isEqualTo("Logs cleared successfully");
    }

    @Test
    void clientMistakesGetTheirEnvelopeNeverA500() throws Exception {
        Http.Reply unknown = http.get("/api/does-not-exist");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"success\":false,\"error\":{\"message\":\"API endpoint not found\","
                + "\"code\":404}}");
        Http.Reply malformed = http.json("POST", "/api/agents", "{\"characterJson\": {");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("error").path("code").asText()).isEqualTo("INVALID_JSON");
        Http.Reply wrongType = http.bytes("POST", "/api/agents", "text/plain", "x=1".getBytes());
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().path("error").path("code").asText()).isEqualTo("INVALID_CONTENT_TYPE");
        Http.Reply tooLarge = http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\""
                + "x".repeat(5000) + "\"}}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("error").path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(http.json("DELETE", "/api/server/ping", "{}").status()).isEqualTo(405);
        assertThat(http.get("/api/agents").json().path("data").path("agents").toString()).doesNotContain("xxxxx");
    }

    @Test
    void everyResponseCarriesARequestIdAndCorsIsApplied() throws Exception {
        assertThat(http.get("/api/server/ping").header("X-Request-Id")).isNotBlank();
        assertThat(http.get("/nothing-here").header("X-Request-Id")).isNotBlank();
        Http.Reply preflight = http.send(http.builder("/api/agents").header("Origin", "http://example.test")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.status()).isBetween(200, 204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isIn("*", "http://example.test");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PATCH");
    }

    @Test
    void aTakenPortFailsFastWithAClearMessage(@TempDir Path other) throws Exception {
        PlatformProcess.install(other);
        ProcessBuilder clash = new ProcessBuilder(java(), "-Deliza.home=" + other, "-jar",
                bootstrapJar(other).toString()).redirectErrorStream(true)
                .redirectOutput(other.resolve("clash.log").toFile());
        clash.environment().put("SERVER_PORT", String.valueOf(platform.port()));
        Process process = clash.start();
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(java.nio.file.Files.readString(other.resolve("clash.log"))).contains("already in use");
        assertThat(http.get("/api/server/ping").status()).isEqualTo(200);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path bootstrapJar(Path dir) throws Exception {
        try (var libs = java.nio.file.Files.list(dir.resolve("lib"))) {
            return libs.filter(p -> p.getFileName().toString().startsWith("platform-bootstrap")).findFirst()
                    .orElseThrow();
        }
    }
}
