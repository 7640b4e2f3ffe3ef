package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The component's own lifecycle around a real embedded PostgreSQL. */
class PersistenceComponentTest {
    @TempDir
    Path data;

    @AfterEach
    void killLeftovers() {
        EmbeddedPostgres.PostmasterPid.read(data.resolve("postgres")).flatMap(ProcessHandle::of)
                .ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aFailedActivationStopsThePostgresItStarted() {
        BundleContext context = context(Map.of("DATA_DIR", data.toString()), true);
        assertThatThrownBy(() -> new PersistenceComponent().bringUp(context))
                .isInstanceOf(IllegalStateException.class);
        assertThat(data.resolve("postgres/PG_VERSION")).exists();
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void anInvalidExternalUrlFailsTheActivationWithItsReason() {
        BundleContext context = context(Map.of("POSTGRES_URL", "postgresql://h/db?sslmod=require"), false);
        assertThatThrownBy(() -> new PersistenceComponent().bringUp(context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sslmod'");
        assertThat(Files.exists(data.resolve("postgres"))).isFalse();
    }

    @Test
    void activationReturnsAtOnceAndTheServiceIsRegisteredFromTheStartingThread() throws Exception {
        List<String> registeringThreads = new CopyOnWriteArrayList<>();
        BundleContext context = context(Map.of("DATA_DIR", data.toString()), false, registeringThreads);
        PersistenceComponent component = new PersistenceComponent();
        component.activate(context);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (registeringThreads.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(registeringThreads).containsExactly("database-start");
        assertThat(component.isHealthy()).isTrue();
        component.deactivate();
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void thePoolsMetersReachARegistryBoundAfterItStartedAndLeaveWithThePool() throws Exception {
        List<String> registeringThreads = new CopyOnWriteArrayList<>();
        PersistenceComponent component = new PersistenceComponent();
        component.activate(context(Map.of("DATA_DIR", data.toString()), false, registeringThreads));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (registeringThreads.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        SimpleMeterRegistry platform = new SimpleMeterRegistry();
        component.bindMeterRegistry(platform);
        assertThat(component.isHealthy()).isTrue();

        assertThat(platform.get("hikaricp.connections").tag("pool", "eliza").gauge().value()).isPositive();
        assertThat(platform.get("hikaricp.connections.usage").timer().count()).as("the health check's connection")
                .isPositive();
        component.deactivate();
        component.unbindMeterRegistry(platform);
        assertThat(platform.find("hikaricp.connections").gauges()).isEmpty();
    }

    @Test
    void stoppingWhileTheDatabaseStartsRegistersNothingAndLeavesNothingRunning() {
        List<String> registeringThreads = new CopyOnWriteArrayList<>();
        PersistenceComponent component = new PersistenceComponent();
        component.activate(context(Map.of("DATA_DIR", data.toString()), false, registeringThreads));
        component.deactivate();
        assertThat(registeringThreads).isEmpty();
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    private static BundleContext context(Map<String, String> properties, boolean refuseRegistration) {
        return context(properties, refuseRegistration, new CopyOnWriteArrayList<>());
    }

    /**
     * A bundle context with {@code properties} whose service registry refuses registrations when asked to, and
     * otherwise notes the name of each registering thread.
     */
    private static BundleContext context(Map<String, String> properties, boolean refuseRegistration,
                                         List<String> registeringThreads) {
        Hashtable<String, String> headers = new Hashtable<>(Map.of("Eliza-Postgres-Version", "test-binaries"));
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> method.getName().equals("getHeaders") ? headers : null);
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> Optional.ofNullable(properties.get((String) args[0])).orElse(null);
                    case "getBundle" -> bundle;
                    case "registerService" -> {
                        if (refuseRegistration) {
                            throw new IllegalStateException("the bundle is stopping");
                        }
                        registeringThreads.add(Thread.currentThread().getName());
                        yield Proxy.newProxyInstance(ServiceRegistration.class.getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> null);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
