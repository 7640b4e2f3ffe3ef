package dev.eliza.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** {@code bundles/} against a real Felix framework whose cache outlives it, as across a platform restart. */
class BundleInstallerTest {
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
    void bundlesAreReadInPlaceNotCopiedIntoTheCache() throws Exception {
        // A space in the path, as in many home folders: the location is a URI, the file must still be found.
        Path bundles = Files.createDirectories(home.resolve("my server/bundles"));
        Path jar = writeBundle(bundles.resolve("demo.jar"), "one", 0);
        List<Bundle> installed = installer().installAll(bundles);

        assertThat(installed).hasSize(1);
        Bundle bundle = installed.get(0);
        assertThat(bundle.getLocation()).isEqualTo("reference:" + jar.toUri());
        assertThat(bundle.getEntry("content.txt")).isNotNull();
        try (var files = Files.walk(home.resolve("cache"))) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".jar")))
                    .as("no copy of the jar in the bundle cache").isEmpty();
        }
    }

    @Test
    void aRestartKeepsTheBundleAndItsStateUntilTheJarChanges() throws Exception {
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        Path jar = writeBundle(bundles.resolve("demo.jar"), "one", 0);
        Bundle first = installer().installAll(bundles).get(0);
        long id = first.getBundleId();
        restartFramework();

        assertThat(installer().installAll(bundles)).as("nothing new to start").isEmpty();
        Bundle again = framework.getBundleContext().getBundle(id);
        assertThat(again.getLocation()).isEqualTo(first.getLocation());

        writeBundle(jar, "two", again.getLastModified() + 1000);
        assertThat(installer().installAll(bundles)).isEmpty();
        assertThat(new String(again.getEntry("content.txt").openStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("two");
        assertThat(framework.getBundleContext().getBundles()).hasSize(2);
    }

    @Test
    void aBundleCopiedInByAnEarlierReleaseIsKeptNotInstalledTwice() throws Exception {
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        Path jar = writeBundle(bundles.resolve("demo.jar"), "one", 0);
        restartFramework();
        Bundle copied = installer().install(jar.toUri().toString(), jar);

        assertThat(installer().installAll(bundles)).isEmpty();
        assertThat(framework.getBundleContext().getBundles()).extracting(Bundle::getBundleId)
                .containsExactlyInAnyOrder(0L, copied.getBundleId());
    }

    @Test
    void aJarTakenOutOfBundlesUninstallsItsBundle() throws Exception {
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        Path jar = writeBundle(bundles.resolve("demo.jar"), "one", 0);
        Bundle bundle = installer().installAll(bundles).get(0);
        restartFramework();
        Files.delete(jar);

        installer().installAll(bundles);
        assertThat(framework.getBundleContext().getBundle(bundle.getBundleId())).isNull();
    }

    private BundleInstaller installer() throws Exception {
        if (framework == null) {
            restartFramework();
        }
        return new BundleInstaller(framework.getBundleContext());
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

    /** A bundle jar; {@code modified} (epoch ms, 0 for now) is its file time. */
    private static Path writeBundle(Path jar, String content, long modified) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, "test.demo");
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new ZipEntry("content.txt"));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        if (modified > 0) {
            Files.setLastModifiedTime(jar, FileTime.fromMillis(modified));
        }
        return jar;
    }
}
