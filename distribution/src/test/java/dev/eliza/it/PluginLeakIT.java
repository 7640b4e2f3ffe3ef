package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hundred install/delete cycles of two plugins (routes only; routes, event listener and service) leave nothing
 * behind in the server process: after a full GC no more plugin class loaders are alive than plugins are installed,
 * and no descriptor points at a removed jar.
 */
class PluginLeakIT {
    private static final int CYCLES = 100;

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void installAndDeleteCyclesLeakNoClassLoaderAndNoJarHandle() throws Exception {
        Http http = PLATFORM.http();
        byte[] cycler = ModuleJars.pluginCopy(shipped("hello-plugin"), "cycler", "0.1.0");
        // The event-log plugin also registers an event listener and runs a service: both must let go too.
        byte[] listening = ModuleJars.withManifest(shipped("event-log-plugin"), Map.of("Plugin-Id", "cycler-events"));
        for (int i = 0; i < CYCLES; i++) {
            assertThat(http.bytes("POST", "/api/plugins", "application/java-archive", cycler).status()).isEqualTo(201);
            assertThat(http.bytes("POST", "/api/plugins", "application/java-archive", listening).status())
                    .isEqualTo(201);
            assertThat(http.get("/api/plugins/cycler/greeting").status()).isEqualTo(200);
            assertThat(http.get("/api/plugins/cycler-events/stats").status()).isEqualTo(200);
            assertThat(http.delete("/api/plugins/cycler").status()).isEqualTo(204);
            assertThat(http.delete("/api/plugins/cycler-events").status()).isEqualTo(204);
        }
        long pid = PLATFORM.process().pid();
        jcmd(pid, "GC.run");
        long loaders = jcmd(pid, "GC.class_histogram").lines()
                .filter(line -> line.trim().endsWith("org.pf4j.PluginClassLoader"))
                .mapToLong(line -> Long.parseLong(line.trim().split("\\s+")[1])).sum();
        System.out.printf("after %d cycles: %d PluginClassLoader instance(s) alive%n", CYCLES, loaders);
        assertThat(loaders).as("plugin class loaders alive with the two shipped plugins installed")
                .isLessThanOrEqualTo(2);
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            List<String> cyclerHandles = fds.map(PluginLeakIT::target).filter(t -> t.contains("cycler")).toList();
            assertThat(cyclerHandles).isEmpty();
        }
    }

    private static Path shipped(String artifact) throws Exception {
        try (Stream<Path> files = Files.list(PLATFORM.home().resolve("plugins"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(artifact)).findFirst().orElseThrow();
        }
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (Exception gone) {
            return "";
        }
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process process = new ProcessBuilder(java.resolveSibling("jcmd").toString(), String.valueOf(pid), command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
