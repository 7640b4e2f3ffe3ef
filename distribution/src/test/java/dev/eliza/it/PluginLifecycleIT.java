package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
            Http.Reply enabledTwice = http.json("POST", "/api/plugins/other/enable", "");
            assertThat(enabledTwice.json().path("data").path("state").asText()).as(enabledTwice.body())
                    .isEqualTo("STARTED");
            assertThat(http.get("/api/plugins/other/greeting").status()).as("still mounted once").isEqualTo(200);

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
    }

    @Test
    void aPluginClaimingAnotherPluginsAgentRouteIsRefused() throws Exception {
        Http http = PLATFORM.http();
        refused(http, "clash", ModuleJars.withManifest(shipped(), Map.of("Plugin-Id", "clash")),
                "/hello is already served by plugin hello");
        assertThat(http.get("/api/plugins/clash/greeting").status()).isEqualTo(404);
        assertThat(http.get("/api/plugins/hello/greeting").status()).isEqualTo(200);
    }

    @Test
    void aPluginWhoseRoutesJerseyCannotBuildIsRefusedWithTheReason() throws Exception {
        Http http = PLATFORM.http();
        uploadFailing(http, "ambiguous", "AmbiguousRoutes", "its routes could not be built");
        assertThat(http.get("/api/plugins/ambiguous/twice").status()).isEqualTo(404);
    }

    @Test
    void concurrentUploadsOfOneIdInstallItOnce() throws Exception {
        Http http = PLATFORM.http();
        byte[] jar = ModuleJars.pluginCopy(shipped(), "racer", "0.1.0");
        ExecutorService uploaders = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(uploaders.submit(() ->
                        http.bytes("POST", "/api/plugins", "application/java-archive", jar).status()));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            uploaders.shutdownNow();
        }
        assertThat(http.get("/api/plugins/racer/greeting").status()).isEqualTo(200);
        assertThat(http.delete("/api/plugins/racer").status()).isEqualTo(204);
    }

    @Test
    void aPluginInstalledThroughTheApiIsNotReloadedByTheFolderScan() throws Exception {
        Http http = PLATFORM.http();
        Path plugins = PLATFORM.home().resolve("plugins");
        byte[] jar = ModuleJars.testPlugin("steady", "InstanceRoutes");
        ModuleJars.deploy(plugins, "steady.jar", jar);
        Awaits.until(WAIT, "dropped plugin served", () -> http.get("/api/plugins/steady/instance").status() == 200);
        // Deleted and uploaded again between two scans: the scan must not take the new jar for a replacement.
        assertThat(http.delete("/api/plugins/steady").status()).isEqualTo(204);
        assertThat(http.bytes("POST", "/api/plugins", "application/java-archive", jar).status()).isEqualTo(201);
        String loaded = http.get("/api/plugins/steady/instance").body();
        // A jar dropped now is installed only after two more scans: by then any reload of steady has happened.
        ModuleJars.deploy(plugins, "marker.jar", ModuleJars.pluginCopy(shipped(), "marker", "0.1.0"));
        Awaits.until(WAIT, "marker plugin served", () -> http.get("/api/plugins/marker/greeting").status() == 200);
        assertThat(http.get("/api/plugins/steady/instance").body()).isEqualTo(loaded);
        assertThat(http.delete("/api/plugins/steady").status()).isEqualTo(204);
        assertThat(http.delete("/api/plugins/marker").status()).isEqualTo(204);
    }

    @Test
    void reloadsThroughTheApiAndTheFolderHoldThePluginsRoutes() throws Exception {
        Http http = PLATFORM.http();
        Path plugins = PLATFORM.home().resolve("plugins");
        assertThat(http.bytes("POST", "/api/plugins", "application/java-archive",
                ModuleJars.pluginCopy(shipped(), "held", "0.1.0")).status()).isEqualTo(201);
        LoadClient load = new LoadClient(PLATFORM.process(), List.of("/api/plugins/held/greeting"), 2);
        try (load) {
            for (int i = 0; i < 3; i++) {
                assertThat(http.json("POST", "/api/plugins/held/reload", "").status()).isEqualTo(200);
            }
            ModuleJars.deploy(plugins, "held.jar", ModuleJars.pluginCopy(shipped(), "held", "0.2.0"));
            Awaits.until(WAIT, "held plugin reloaded from the folder", () -> "0.2.0".equals(version(http, "held")));
            assertThat(http.get("/api/plugins/held/greeting").status()).isEqualTo(200);
        }
        assertThat(load.count("/api/plugins/held/greeting", "2xx")).isPositive();
        assertThat(load.failures("/api/plugins/held/greeting")).as("failed requests: " + load.counts()).isZero();
        assertThat(http.delete("/api/plugins/held").status()).isEqualTo(204);
    }

    @Test
    void aPluginClaimingAPlatformPathIsRefusedWithTheReason() throws Exception {
        Http http = PLATFORM.http();
        uploadFailing(http, "squatter", "HealthAgentRoutes", "/health is already served by domain 'server'");
        assertThat(http.get("/health").json().path("status").asText()).isEqualTo("OK");
    }

    @Test
    void aServiceThatFailsToStartFailsItsPluginAndUndoesItsRoutes() throws Exception {
        Http http = PLATFORM.http();
        uploadFailing(http, "halfway", "HalfwayPlugin", "cannot reach its backend");
        assertThat(http.get("/api/plugins/halfway/ready").status()).isEqualTo(404);
    }

    @Test
    void aRouteCallingAModuleThatIsNotRunningAnswers503AndPostsOnceItRuns() throws Exception {
        Http http = PLATFORM.http();
        Http.Reply upload = http.bytes("POST", "/api/plugins", "application/java-archive",
                ModuleJars.testPlugin("poster", "PostingRoutes"));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        Http.Reply channel = http.json("POST", "/api/messaging/channels", "{\"name\":\"plugin posts\","
                + "\"type\":\"GROUP\",\"message_server_id\":\"00000000-0000-0000-0000-000000000000\","
                + "\"participantCentralUserIds\":[\"" + java.util.UUID.randomUUID() + "\"]}");
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        String channelId = channel.json().at("/data/id").asText();
        String post = "/api/plugins/poster/post?channel=" + channelId + "&text=";
        assertThat(http.json("POST", "/api/server/modules/messaging-impl/stop", "").status()).isEqualTo(200);
        try {
            Http.Reply refused = http.json("POST", post + "hi", "");
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("error").path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(refused.json().path("error").path("message").asText())
                    .contains("messaging module is not running");
        } finally {
            assertThat(http.json("POST", "/api/server/modules/messaging-impl/start", "").status()).isEqualTo(200);
        }
        Http.Reply posted = http.json("POST", post + "back", "");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        String stored = http.get("/api/messaging/channels/" + channelId + "/messages").body();
        assertThat(stored).contains(posted.json().path("id").asText(), "\"content\":\"back\"");
        assertThat(http.delete("/api/plugins/poster").status()).isEqualTo(204);
    }

    /** Uploads the test plugin, which must be refused with {@code reason}, leaving nothing behind. */
    private static void uploadFailing(Http http, String id, String className, String reason) throws Exception {
        refused(http, id, ModuleJars.testPlugin(id, className), reason);
    }

    private static void refused(Http http, String id, byte[] jar, String reason) throws Exception {
        Http.Reply upload = http.bytes("POST", "/api/plugins", "application/java-archive", jar);
        assertThat(upload.status()).as(upload.body()).isEqualTo(422);
        JsonNode error = upload.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo("PLUGIN_FAILED");
        assertThat(error.path("message").asText()).contains(id, reason);
        assertThat(http.get("/api/plugins/" + id).status()).isEqualTo(404);
        assertThat(http.get("/api/server/routes").body()).doesNotContain(id);
        assertThat(PLATFORM.home().resolve("plugins/" + id + ".jar")).doesNotExist();
        assertThat(http.delete("/api/plugins/" + id).status()).isEqualTo(404);
    }

    private static Path shipped() throws Exception {
        try (java.util.stream.Stream<Path> files = Files.list(PLATFORM.home().resolve("plugins"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("hello-plugin")).findFirst()
                    .orElseThrow();
        }
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
