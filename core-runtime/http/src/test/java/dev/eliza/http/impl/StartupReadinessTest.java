package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import dev.eliza.http.testing.TestBundles;

/** Readiness against a real Felix framework, with bundles made on the spot. */
class StartupReadinessTest {
    @TempDir
    Path cache;
    private Framework framework;
    private final AtomicInteger readyCalls = new AtomicInteger();
    private final List<Set<String>> awaited = new CopyOnWriteArrayList<>();
    private StartupReadiness readiness;

    @BeforeEach
    void startFramework() throws Exception {
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next()
                .newFramework(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString()));
        framework.start();
    }

    @AfterEach
    void stopFramework() throws Exception {
        if (readiness != null) {
            readiness.close();
        }
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void aRuntimeServiceBundleHoldsReadinessUntilItRegistersAService() throws Exception {
        Bundle runtime = install("test.runtime", Map.of(ModuleManager.SERVICE_HEADER, "agent-runtime"));
        install("test.plain", Map.of());
        readiness = open(Duration.ofMinutes(1));
        assertThat(readiness.isReady()).as("ready before the runtime registered anything").isFalse();

        runtime.getBundleContext().registerService(Runnable.class, () -> { }, null);

        assertThat(readiness.isReady()).isTrue();
        assertThat(readyCalls).hasValue(1);
    }

    @Test
    void aServiceBundleThatNeverRegistersHoldsReadinessOnlyForTheGraceTime() throws Exception {
        install("test.runtime", Map.of(ModuleManager.SERVICE_HEADER, "model-provider-test"));
        readiness = open(Duration.ofMillis(300));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!readiness.isReady() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(readiness.isReady()).isTrue();
        assertThat(readyCalls).hasValue(1);
    }

    @Test
    void aStoppedServiceBundleDoesNotHoldReadiness() throws Exception {
        install("test.runtime", Map.of(ModuleManager.SERVICE_HEADER, "agent-runtime")).stop();
        readiness = open(Duration.ofMinutes(1));
        assertThat(readiness.isReady()).isTrue();
        assertThat(awaited).isNotEmpty().allSatisfy(paths -> assertThat(paths).isEmpty());
    }

    private StartupReadiness open(Duration grace) {
        StartupReadiness opened = new StartupReadiness(framework.getBundleContext(), List::of, awaited::add,
                readyCalls::incrementAndGet);
        opened.open(grace);
        return opened;
    }

    private Bundle install(String symbolicName, Map<String, String> headers) throws Exception {
        Bundle bundle = framework.getBundleContext().installBundle(symbolicName,
                new ByteArrayInputStream(TestBundles.jar(symbolicName, headers, Map.of())));
        bundle.start();
        return bundle;
    }
}
