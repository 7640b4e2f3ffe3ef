package dev.eliza.tee.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import dev.eliza.http.testing.TestBundles;

/** The measurement of the bundles of a real Felix framework, installed in place as the bootstrap installs them. */
class CodeMeasurementTest {
    @TempDir
    Path home;
    private Framework framework;

    @BeforeEach
    void startFramework() throws Exception {
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next()
                .newFramework(Map.of(Constants.FRAMEWORK_STORAGE, home.resolve("cache").toString()));
        framework.start();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void aBundleUpdatedFromAnotherJarIsMeasuredByWhatItRunsNotByTheFileItWasInstalledFrom() throws Exception {
        Path demoJar = Files.write(home.resolve("demo.jar"), jar("test.demo", "one"));
        Bundle demo = framework.getBundleContext().installBundle("reference:" + demoJar.toUri());
        Path otherJar = Files.write(home.resolve("other.jar"), jar("test.other", "same"));
        framework.getBundleContext().installBundle("reference:" + otherJar.toUri()).start();
        demo.start();
        CodeMeasurement measurement = new CodeMeasurement(framework.getBundleContext()::getBundles);
        CodeMeasurement.Value before = measurement.current();
        assertThat(new CodeMeasurement(framework.getBundleContext()::getBundles).current().digest())
                .as("the same code, measured again").isEqualTo(before.digest());

        demo.update(new ByteArrayInputStream(jar("test.demo", "two")));
        measurement.invalidate();
        CodeMeasurement.Value after = measurement.current();

        assertThat(demo.getLocation()).as("the location names the first jar still").contains("demo.jar");
        assertThat(after.digest()).isNotEqualTo(before.digest());
        assertThat(line(after, "test.demo")).isNotEqualTo(line(before, "test.demo"));
        assertThat(line(after, "test.other")).isEqualTo(line(before, "test.other"));
        assertThat(after.lines()).anyMatch(l -> l.startsWith("org.apache.felix.framework ") && l.endsWith(" -"));
    }

    private static String line(CodeMeasurement.Value value, String symbolicName) {
        return value.lines().stream().filter(l -> l.startsWith(symbolicName + " ")).findFirst().orElseThrow();
    }

    private static byte[] jar(String symbolicName, String content) {
        return TestBundles.jar(symbolicName, Map.of(), Map.of("dev/demo/content.txt", content));
    }
}
