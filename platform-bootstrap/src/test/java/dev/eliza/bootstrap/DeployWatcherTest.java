package dev.eliza.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** The watcher against a real Felix framework whose cache outlives it, as across a platform restart. */
class DeployWatcherTest {
    @TempDir
    Path home;
    private Framework framework;

    @AfterEach
    void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void aJarAppliedBeforeARestartIsNotAppliedAgainUntilItChanges() throws Exception {
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        Path memory = home.resolve("data/deploy-applied.properties");
        writeBundle(deploy.resolve("demo.jar"), "one");
        DeployWatcher first = watcher(deploy, memory);
        first.scan();
        first.scan();
        assertThat(installed("test.demo")).isNotNull();
        restartFramework();

        List<Integer> events = new CopyOnWriteArrayList<>();
        // synchronous: Felix hands an ordinary listener its events later, on a thread of its own
        framework.getBundleContext().addBundleListener((SynchronousBundleListener) e -> events.add(e.getType()));
        DeployWatcher afterRestart = watcher(deploy, memory);
        afterRestart.scan();
        afterRestart.scan();
        afterRestart.scan();
        assertThat(events).as("bundle events after the restart").doesNotContain(BundleEvent.UPDATED);

        writeBundle(deploy.resolve("demo.jar"), "two");
        afterRestart.scan();
        afterRestart.scan();
        assertThat(events).containsOnlyOnce(BundleEvent.UPDATED);
    }

    @Test
    void aClearedFrameworkCacheGetsTheJarsInstalledAgain() throws Exception {
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        Path memory = home.resolve("data/deploy-applied.properties");
        writeBundle(deploy.resolve("demo.jar"), "one");
        DeployWatcher first = watcher(deploy, memory);
        first.scan();
        first.scan();
        framework.stop();
        framework.waitForStop(10_000);
        framework = null;
        deleteRecursively(home.resolve("cache"));

        DeployWatcher afterWipe = watcher(deploy, memory);
        afterWipe.scan();
        afterWipe.scan();
        assertThat(installed("test.demo")).isNotNull();
    }

    private DeployWatcher watcher(Path deploy, Path memory) throws Exception {
        if (framework == null) {
            restartFramework();
        }
        Files.createDirectories(memory.getParent());
        return new DeployWatcher(framework.getBundleContext(), new BundleInstaller(framework.getBundleContext()),
                deploy, memory);
    }

    private void restartFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next()
                .newFramework(Map.of(Constants.FRAMEWORK_STORAGE, home.resolve("cache").toString()));
        framework.start();
    }

    private Bundle installed(String symbolicName) {
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    /** Written aside and moved in, as the README tells operators to; a new time so the change is visible. */
    private static void writeBundle(Path jar, String content) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, "test.demo");
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        Path temporary = jar.resolveSibling("." + jar.getFileName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(temporary), manifest)) {
            out.putNextEntry(new ZipEntry("content.txt"));
            out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        long previous = Files.exists(jar) ? Files.getLastModifiedTime(jar).toMillis() : 0;
        Files.setLastModifiedTime(temporary, FileTime.fromMillis(Math.max(System.currentTimeMillis(), previous + 1000)));
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteRecursively(Path path) throws Exception {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
