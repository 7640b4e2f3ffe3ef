package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plugins come and go while the server runs, through the API and through the {@code plugins/} folder, while other
 * routes (the platform's and another plugin's) keep answering every request.
 */
class PluginLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void installDisableEnableReloadAndDeleteUnderLoad() throws Exception {
        Http http = PLATFORM.http();
        Path shipped = Files.list(PLATFORM.home().resolve("plugins"))
                .filter(p -> p.getFileName().toString().startsWith("hello-plugin")).findFirst().orElseThrow();
        byte[] other = ModuleJars.pluginCopy(shipped, "other", "0.1.0");
        LoadClient load = new LoadClient(PLATFORM.process(), List.of("/api/server/ping", "/api/plugins/hello/greeting"), 2);
        try (load) {
            Http.Reply installed = http.bytes("POST", "/api/plugins", "application/java-archive", other);
            assertThat(installed.status()).as(installed.body()).isEqualTo(201);
            assertThat(installed.json().path("data").path("state").asText()).isEqualTo("STARTED");
            assertThat(http.get("/api/plugins/other/greeting").status()).isEqualTo(200);
            assertThat(http.get("/api/plugins/other").json().path("data").path("routes").toString())
                    .contains("/api/plugins/other");
            assertThat(http.bytes("POST", "/api/plugins", "application/java-archive", other).status()).isEqualTo(409);

            assertThat(http.json("POST", "/api/plugins/other/disable", "").json().path("data").path("state").asText())
                    .isEqualTo("STOPPED");
            assertThat(http.get("/api/plugins/other/greeting").status()).isEqualTo(404);
            assertThat(http.json("POST", "/api/plugins/other/enable", "").status()).isEqualTo(200);
            assertThat(http.get("/api/plugins/other/greeting").status()).isEqualTo(200);
            assertThat(http.json("POST", "/api/plugins/other/reload", "").status()).isEqualTo(200);
            assertThat(http.get("/api/plugins/other/greeting").status()).isEqualTo(200);

            assertThat(http.delete("/api/plugins/other").status()).isEqualTo(204);
            assertThat(http.get("/api/plugins/other/greeting").status()).isEqualTo(404);
            assertThat(PLATFORM.home().resolve("plugins/other.jar")).doesNotExist();
            assertThat(http.delete("/api/plugins/other").status()).isEqualTo(404);
        }
        for (String path : load.paths()) {
            assertThat(load.failures(path)).as("failed requests to " + path + ": " + load.counts()).isZero();
        }
    }

    @Test
    void theFolderIsFollowed() throws Exception {
        Http http = PLATFORM.http();
        Path plugins = PLATFORM.home().resolve("plugins");
        Path shipped = Files.list(plugins).filter(p -> p.getFileName().toString().startsWith("hello-plugin"))
                .findFirst().orElseThrow();
        ModuleJars.deploy(plugins, "dropped.jar", ModuleJars.pluginCopy(shipped, "dropped", "0.1.0"));
        Awaits.until(WAIT, "dropped plugin served", () -> http.get("/api/plugins/dropped/greeting").status() == 200);
        ModuleJars.deploy(plugins, "dropped.jar", ModuleJars.pluginCopy(shipped, "dropped", "0.2.0"));
        Awaits.until(WAIT, "dropped plugin reloaded", () -> "0.2.0".equals(version(http, "dropped")));
        Files.delete(plugins.resolve("dropped.jar"));
        Awaits.until(WAIT, "dropped plugin gone", () -> version(http, "dropped") == null);
        assertThat(http.get("/api/plugins/dropped/greeting").status()).isEqualTo(404);
    }

    @Test
    void aBrokenUploadIsRefusedAndChangesNothing() throws Exception {
        Http http = PLATFORM.http();
        String before = http.get("/api/plugins").body();
        Http.Reply refused = http.bytes("POST", "/api/plugins", "application/java-archive", "not a jar".getBytes());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("INVALID_PLUGIN");
        assertThat(http.get("/api/plugins").body()).isEqualTo(before);
        assertThat(http.json("POST", "/api/plugins/nobody/reload", "").status()).isEqualTo(404);
    }

    @Test
    void aFailingPluginIsIsolatedWithItsReason() throws Exception {
        Http http = PLATFORM.http();
        uploadFailing(http, "broken", "BrokenRoutes", "broken on purpose");
        assertThat(http.get("/api/plugins/broken/anything").status()).isEqualTo(404);
        assertThat(http.get("/api/plugins/hello/greeting").status()).isEqualTo(200);
        assertThat(http.delete("/api/plugins/broken").status()).isEqualTo(204);
    }

    @Test
    void aPluginClaimingAnotherPluginsAgentRouteIsRefused() throws Exception {
        Http http = PLATFORM.http();
        Path shipped = Files.list(PLATFORM.home().resolve("plugins"))
                .filter(p -> p.getFileName().toString().startsWith("hello-plugin")).findFirst().orElseThrow();
        Http.Reply clash = http.bytes("POST", "/api/plugins", "application/java-archive",
                ModuleJars.withManifest(shipped, Map.of("Plugin-Id", "clash")));
        assertThat(clash.status()).isEqualTo(201);
        JsonNode info = http.get("/api/plugins/clash").json().path("data");
        assertThat(info.path("state").asText()).isEqualTo("FAILED");
        assertThat(info.path("failure").asText()).contains("/hello is already served by plugin hello");
        assertThat(http.get("/api/plugins/clash/greeting").status()).isEqualTo(404);
        assertThat(http.get("/api/plugins/hello/greeting").status()).isEqualTo(200);
        assertThat(http.delete("/api/plugins/clash").status()).isEqualTo(204);
    }

    @Test
    void aPluginClaimingAPlatformPathIsRefusedWithTheReason() throws Exception {
        Http http = PLATFORM.http();
        uploadFailing(http, "squatter", "HealthAgentRoutes", "/health is already served by domain 'server'");
        assertThat(http.get("/health").json().path("status").asText()).isEqualTo("OK");
        assertThat(http.delete("/api/plugins/squatter").status()).isEqualTo(204);
    }

    @Test
    void aServiceThatFailsToStartFailsItsPluginAndUndoesItsRoutes() throws Exception {
        Http http = PLATFORM.http();
        uploadFailing(http, "halfway", "HalfwayPlugin", "cannot reach its backend");
        assertThat(http.get("/api/plugins/halfway/ready").status()).isEqualTo(404);
        assertThat(http.delete("/api/plugins/halfway").status()).isEqualTo(204);
    }

    @Test
    void aRouteCallingAModuleThatIsNotRunningAnswers503() throws Exception {
        Http http = PLATFORM.http();
        Http.Reply upload = http.bytes("POST", "/api/plugins", "application/java-archive",
                ModuleJars.testPlugin("poster", "PostingRoutes"));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        Http.Reply post = http.json("POST", "/api/plugins/poster/post?channel=" + java.util.UUID.randomUUID()
                + "&text=hi", "");
        assertThat(post.status()).as(post.body()).isEqualTo(503);
        assertThat(post.json().path("error").path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(post.json().path("error").path("message").asText()).contains("messaging module is not running");
        assertThat(http.delete("/api/plugins/poster").status()).isEqualTo(204);
    }

    /** Uploads the test plugin, which must be kept but FAILED with {@code reason} and own no route. */
    private static void uploadFailing(Http http, String id, String className, String reason) throws Exception {
        Http.Reply upload = http.bytes("POST", "/api/plugins", "application/java-archive",
                ModuleJars.testPlugin(id, className));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        JsonNode info = http.get("/api/plugins/" + id).json().path("data");
        assertThat(info.path("state").asText()).isEqualTo("FAILED");
        assertThat(info.path("failure").asText()).contains(reason);
        assertThat(http.get("/api/server/routes").body()).doesNotContain(id);
    }

    private static String version(Http http, String id) throws Exception {
        for (JsonNode plugin : http.get("/api/plugins").json().path("data").path("plugins")) {
            if (plugin.path("id").asText().equals(id)) {
                return plugin.path("version").asText();
            }
        }
        return null;
    }
}
