package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** Hot deployment through {@code deploy/}: install, update, uninstall; half-written files are left alone. */
class DeployFolderIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

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
    void droppedJarsAreInstalledUpdatedAndRemoved() throws Exception {
        Path deploy = home.resolve("deploy");
        byte[] v1 = ModuleJars.emptyDomainBundle("it.probe", "1.0.0", "probe");
        Files.write(deploy.resolve("probe.jar"), Arrays.copyOf(v1, v1.length / 2));
        Thread.sleep(1500);
        assertThat(version("it.probe")).isNull();

        Files.write(deploy.resolve("probe.jar"), v1);
        Awaits.until(WAIT, "probe 1.0.0 installed", () -> "1.0.0".equals(version("it.probe")));

        ModuleJars.deploy(deploy, "probe.jar", ModuleJars.emptyDomainBundle("it.probe", "1.1.0", "probe"));
        Awaits.until(WAIT, "probe updated to 1.1.0", () -> "1.1.0".equals(version("it.probe")));

        Files.delete(deploy.resolve("probe.jar"));
        Awaits.until(WAIT, "probe uninstalled", () -> version("it.probe") == null);
    }

    @Test
    void aJarReplacingAShippedBundleUpdatesItAndTheModulesApiCanReapplyIt() throws Exception {
        byte[] rebuilt = ModuleJars.withVersion(home.resolve("bundles/agents-impl.jar"), "7.7.7.deploy");
        ModuleJars.deploy(home.resolve("deploy"), "agents-impl-7.7.7.jar", rebuilt);
        Awaits.until(WAIT, "agents-impl updated from deploy/", () -> "7.7.7.deploy".equals(version("agents-impl")));
        Awaits.until(WAIT, "agents mounted again", () -> http.get("/api/agents").status() == 200);

        Http.Reply reapplied = http.json("POST", "/api/server/modules/agents-impl/update", "");
        assertThat(reapplied.status()).as(reapplied.body()).isEqualTo(200);
        assertThat(reapplied.json().path("data").path("version").asText()).isEqualTo("7.7.7.deploy");
        assertThat(http.get("/api/agents").status()).isEqualTo(200);
    }

    private static String version(String name) throws Exception {
        for (JsonNode module : http.get("/api/server/modules").json().path("data").path("modules")) {
            if (module.get("name").asText().equals(name)) {
                return module.get("version").asText();
            }
        }
        return null;
    }
}
