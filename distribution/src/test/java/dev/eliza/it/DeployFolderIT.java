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
    void aBundleRefusedForATakenPathServesOnceItsOwnerLeaves() throws Exception {
        Path deploy = home.resolve("deploy");
        byte[] echo = ModuleJars.echoProbeBundle();
        Path original = Files.createTempFile(home, "echo", ".jar");
        Files.write(original, echo);
        byte[] rival = ModuleJars.withManifest(original, java.util.Map.of("Bundle-SymbolicName", "it.echo.rival"));
        ModuleJars.deploy(deploy, "echo.jar", echo);
        Awaits.until(WAIT, "echo serves", () -> http.get("/api/echo").status() == 200);
        ModuleJars.deploy(deploy, "rival.jar", rival);
        Awaits.until(WAIT, "the rival refused", () -> platform.console()
                .contains("Refused domain 'echo' of bundle it.echo.rival"));
        assertThat(owner("/api/echo")).isEqualTo("it.echo");

        Files.delete(deploy.resolve("echo.jar"));
        Awaits.until(WAIT, "the rival took the free path", () -> "it.echo.rival".equals(owner("/api/echo")));
        assertThat(http.get("/api/echo").status()).isEqualTo(200);
        Files.delete(deploy.resolve("rival.jar"));
        Awaits.until(WAIT, "echo gone", () -> http.get("/api/echo").status() == 404);
    }

    private static String owner(String path) throws Exception {
        for (JsonNode route : http.get("/api/server/routes").json().path("data").path("routes")) {
            if (route.path("path").asText().equals(path)) {
                return route.path("owner").asText();
            }
        }
        return null;
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
