package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginWrapper;

import dev.eliza.http.api.ApiException;

/** The folder and the API through one owner, with real PF4J plugin jars (no extensions, so nothing to mount). */
class PluginsFolderTest {
    @TempDir
    Path dir;

    private final AtomicInteger holds = new AtomicInteger();
    private HostPluginManager manager;
    private PluginHost host;
    private PluginsFolder folder;

    @BeforeEach
    void start() {
        manager = new HostPluginManager(dir, getClass().getClassLoader());
        HostPluginContext.Services services = new HostPluginContext.Services(Map.of(),
                new AgentsView(Optional::empty), new ChannelMessagesView(Optional::empty));
        PluginActivator activator = new PluginActivator(null, manager, new AgentRouteTable(Duration.ofSeconds(5)), Optional::empty,
                services, null, new PluginRouteInvoker(), PluginCallSettings.DEFAULTS, (id, reason) -> { });
        host = new PluginHost(manager, activator, id -> {
            holds.incrementAndGet();
            return () -> { };
        });
        folder = new PluginsFolder(dir, host);
    }

    @AfterEach
    void stop() {
        host.unloadAll();
    }

    @Test
    void aJarTheApiInstalledAfterADeleteIsNotTakenForAReplacement() throws Exception {
        Files.move(jar("steady", "1.0.0"), dir.resolve("steady.jar"));
        folder.scan();
        folder.scan();
        assertThat(host.has("steady")).as("installed from the folder").isTrue();
        folder.delete("steady");
        folder.install(jar("steady", "1.0.0"), "steady");
        PluginWrapper installed = manager.getPlugin("steady");
        folder.scan();
        folder.scan();
        assertThat(manager.getPlugin("steady")).as("not reloaded by the scan").isSameAs(installed);
        assertThat(holds).hasValue(0);
    }

    @Test
    void aReplacedJarIsReloadedWithItsRoutesHeld() throws Exception {
        folder.install(jar("swapped", "1.0.0"), "swapped");
        Path replacement = jar("swapped", "2.0.0");
        // A different time, as a later copy has: the scan compares size and time.
        Files.setLastModifiedTime(replacement, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(dir.resolve("swapped.jar")).toMillis() + 10_000));
        Files.move(replacement, dir.resolve("swapped.jar"), StandardCopyOption.REPLACE_EXISTING);
        folder.scan();
        folder.scan();
        assertThat(manager.getPlugin("swapped").getDescriptor().getVersion()).isEqualTo("2.0.0");
        assertThat(holds).hasValue(1);
        Files.delete(dir.resolve("swapped.jar"));
        folder.scan();
        assertThat(host.has("swapped")).isFalse();
        assertThat(holds).as("a deletion is not held").hasValue(1);
    }

    @Test
    void concurrentUploadsOfOneIdInstallItOnce() throws Exception {
        ExecutorService uploaders = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path upload = jar("racer", "1.0." + i);
                outcomes.add(uploaders.submit(() -> {
                    try {
                        folder.install(upload, "racer");
                        return 201;
                    } catch (ApiException e) {
                        return e.status();
                    }
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : outcomes) {
                statuses.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            uploaders.shutdownNow();
        }
        String running = manager.getPlugin("racer").getDescriptor().getVersion();
        assertThat(versionIn(dir.resolve("racer.jar"))).as("the jar on disk is the one running").isEqualTo(running);
    }

    @Test
    void anUploadThatIsNotAPluginLeavesNoJar() throws Exception {
        Path upload = folder.newUpload();
        Files.writeString(upload, "not a jar");
        assertThatThrownBy(() -> folder.install(upload, "broken")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(422);
        assertThat(dir.resolve("broken.jar")).doesNotExist();
        assertThat(host.has("broken")).isFalse();
    }

    private static String versionIn(Path jar) throws IOException {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Plugin-Version");
        }
    }

    /** A plugin jar without classes, written under a name no scan picks up. */
    private Path jar(String id, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Plugin-Id", id);
        manifest.getMainAttributes().putValue("Plugin-Version", version);
        Path jar = Files.createTempFile(dir, ".upload-", ".tmp");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
