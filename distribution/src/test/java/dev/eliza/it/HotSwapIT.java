package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hot-swap contract: while clients keep calling both domains, restarting the agents module and updating it
 * from a rebuilt jar costs the clients nothing: no failed request to the server domain, no 404 and no 5xx for
 * agents, the new version visible, the data intact.
 */
class HotSwapIT {
    private static final int RESTARTS = 5;
    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env());
    static PlatformProcess platform;
    static Http http;
    static Path home;

    @BeforeAll
    static void client() {
        platform = PLATFORM.process();
        http = PLATFORM.http();
        home = PLATFORM.home();
    }

    @Test
    void restartAndUpdateUnderLoadFailNoRequest() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"Swap" + i + "\"}}").json()
                    .path("data").path("id").asText());
        }
        String one = "/api/agents/" + ids.get(0);
        byte[] rebuilt = ModuleJars.withVersion(home.resolve("bundles/agents-impl.jar"), "9.9.9.hotswap");
        LoadClient load = new LoadClient(platform, List.of("/api/server/ping", "/api/agents", one), 2);
        long restartMillis;
        long updateMillis;
        try (load) {
            Thread.sleep(500);
            long started = System.nanoTime();
            for (int i = 0; i < RESTARTS; i++) {
                Http.Reply restarted = http.json("POST", "/api/server/modules/agents-impl/restart", "");
                assertThat(restarted.status()).as(restarted.body()).isEqualTo(200);
                Thread.sleep(200);
            }
            restartMillis = (System.nanoTime() - started) / 1_000_000 / RESTARTS - 200;
            Thread.sleep(300);
            started = System.nanoTime();
            Http.Reply updated = http.bytes("POST", "/api/server/modules/agents-impl/update",
                    "application/java-archive", rebuilt);
            updateMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(updated.json().path("data").path("version").asText()).isEqualTo("9.9.9.hotswap");
            Thread.sleep(500);
        }
        System.out.printf("hot swap: restart (mean of " + RESTARTS + ") %d ms, update %d ms, requests %s%n", restartMillis, updateMillis,
                load.counts());
        for (String path : load.paths()) {
            assertThat(load.failures(path)).as("failed requests to " + path + ": " + load.counts()).isZero();
            assertThat(load.count(path, "2xx")).isPositive();
        }
        JsonNode module = module("agents-impl");
        assertThat(module.get("version").asText()).isEqualTo("9.9.9.hotswap");
        assertThat(module.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(module.get("paths").toString()).contains("/api/agents");
        JsonNode agents = http.get("/api/agents").json().path("data").path("agents");
        assertThat(agents.findValuesAsText("id")).containsAll(ids);
    }

    @Test
    void aStoppedModuleAnswers404UntilStartedAgain() throws Exception {
        Http.Reply stopped = http.json("POST", "/api/server/modules/agents/stop", "");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().path("data").path("state").asText()).isEqualTo("RESOLVED");
        Http.Reply gone = http.get("/api/agents");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("error").path("message").asText()).isEqualTo("API endpoint not found");
        assertThat(http.get("/api/server/status").status()).isEqualTo(200);
        Http.Reply started = http.json("POST", "/api/server/modules/agents/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(http.get("/api/agents").status()).isEqualTo(200);
    }

    @Test
    void aBadUpdateIsRefusedAndTheModuleKeepsServing() throws Exception {
        Http.Reply garbage = http.bytes("POST", "/api/server/modules/agents-impl/update", "application/java-archive",
                "not a jar".getBytes());
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.json().path("error").path("code").asText()).isEqualTo("INVALID_BUNDLE");
        byte[] other = ModuleJars.emptyDomainBundle("someone.else", "1.0.0", "else");
        Http.Reply wrongBundle = http.bytes("POST", "/api/server/modules/agents-impl/update",
                "application/java-archive", other);
        assertThat(wrongBundle.status()).isEqualTo(422);
        assertThat(http.get("/api/agents").status()).isEqualTo(200);
        assertThat(http.json("POST", "/api/server/modules/nope/restart", "").status()).isEqualTo(404);
    }

    @Test
    void updatingAContractHoldsEveryDomainTheRefreshRestarts() throws Exception {
        byte[] contract = ModuleJars.withVersion(home.resolve("bundles/agents-api.jar"), "1.0.1.contract");
        LoadClient load = new LoadClient(platform, List.of("/api/server/ping", "/api/agents", "/api/plugins"), 2);
        try (load) {
            Thread.sleep(500);
            Http.Reply updated = http.bytes("POST", "/api/server/modules/agents-api/update",
                    "application/java-archive", contract);
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            Thread.sleep(500);
        }
        for (String path : load.paths()) {
            assertThat(load.failures(path)).as("failed requests to " + path + ": " + load.counts()).isZero();
        }
        assertThat(module("agents-api").get("version").asText()).isEqualTo("1.0.1.contract");
        assertThat(module("agents-impl").get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aJarTheFrameworkRefusesIs422AndThePreviousVersionKeepsServing() throws Exception {
        String before = module("agents-impl").get("version").asText();
        byte[] unresolvable = ModuleJars.withManifest(home.resolve("bundles/agents-impl.jar"),
                java.util.Map.of("Import-Package", "dev.eliza.does.not.exist;version=\"[9,10)\"",
                        "Bundle-Version", "9.9.9.unresolvable"));
        Http.Reply refused = http.bytes("POST", "/api/server/modules/agents-impl/update", "application/java-archive",
                unresolvable);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("INVALID_BUNDLE");
        assertThat(refused.json().path("error").path("message").asText()).contains("dev.eliza.does.not.exist");
        assertThat(module("agents-impl").get("version").asText()).isEqualTo(before);
        assertThat(module("agents-impl").get("state").asText()).isEqualTo("ACTIVE");
        assertThat(http.get("/api/agents").status()).isEqualTo(200);
    }

    @Test
    void anOversizeChunkedUploadIs413AndChangesNothing() throws Exception {
        String before = module("agents-impl").get("version").asText();
        Http.Reply tooLarge = http.chunked("POST", "/api/server/modules/agents-impl/update",
                "application/java-archive", 11L * 1024 * 1024);
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.json().path("error").path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(module("agents-impl").get("version").asText()).isEqualTo(before);
    }

    static JsonNode module(String name) throws Exception {
        return moduleOf(http, name);
    }

    static JsonNode moduleOf(Http client, String name) throws Exception {
        for (JsonNode module : client.get("/api/server/modules").json().path("data").path("modules")) {
            if (module.get("name").asText().equals(name)) {
                return module;
            }
        }
        throw new AssertionError("No module " + name);
    }
}
