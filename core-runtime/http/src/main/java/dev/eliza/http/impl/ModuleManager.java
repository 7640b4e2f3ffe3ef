package dev.eliza.http.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

import dev.eliza.http.api.ApiException;

/**
 * Stops, starts, restarts and updates domain bundles while the server runs. Restarts and updates happen inside a
 * {@link SwapWindow}, so clients of the domain see a short wait instead of errors. One operation at a time.
 */
final class ModuleManager {
    static final String DOMAIN_HEADER = "Eliza-Domain";
    /** How many request holds a refresh may take. */
    static final int REFRESH_HOLDS = 4;
    static final String CONTRACT_HEADER = "Eliza-Domain-Contract";
    /** Names a bundle that serves no routes but is managed like a domain: the agent runtime, a model provider. */
    static final String SERVICE_HEADER = "Eliza-Service";

    private final BundleContext context;
    private final DomainRouter router;
    private final Duration hold;
    private final Optional<Path> deployDir;

    ModuleManager(BundleContext context, DomainRouter router, Duration hold, Optional<Path> deployDir) {
        this.context = context;
        this.router = router;
        this.hold = hold;
        this.deployDir = deployDir;
    }

    List<ModuleInfo> list() {
        return Arrays.stream(context.getBundles()).filter(ModuleManager::isDomainBundle).map(this::describe)
                .toList();
    }

    synchronized ModuleInfo stop(String name) {
        Bundle bundle = find(name);
        framework(bundle::stop);
        return describe(bundle);
    }

    synchronized ModuleInfo start(String name) throws InterruptedException {
        Bundle bundle = find(name);
        framework(bundle::start);
        if (bundle.getHeaders().get(DOMAIN_HEADER) != null) {
            awaitMounted(Map.of(bundle, List.of()), true);
        }
        return describe(bundle);
    }

    synchronized ModuleInfo restart(String name) throws InterruptedException {
        Bundle bundle = find(name);
        Map<Bundle, List<String>> before = Map.of(bundle, pathsOf(bundle.getSymbolicName()));
        try (SwapWindows windows = SwapWindows.open(router, before.keySet())) {
            framework(bundle::stop);
            framework(bundle::start);
            awaitMounted(before, false);
        }
        return describe(bundle);
    }

    /**
     * Updates from {@code jar} when given, else from the newest jar in {@code deploy/} with the same name. Every
     * bundle the update restarts (the bundle and, when a refresh is needed, those wired to it) is held, and must
     * mount its routes again; a jar the framework refuses is undone and answered 422 with the reason.
     */
    synchronized ModuleInfo update(String name, Optional<Path> jar) throws Exception {
        Bundle bundle = find(name);
        Path source = jar.isPresent() ? jar.get() : newestDeployedJar(bundle.getSymbolicName());
        BundleJars.requireSymbolicName(source, bundle.getSymbolicName());
        Map<Bundle, List<String>> before = new LinkedHashMap<>();
        for (Bundle affected : wiring().getDependencyClosure(List.of(bundle))) {
            before.put(affected, pathsOf(affected.getSymbolicName()));
        }
        Path previous = BundleSnapshot.write(bundle);
        try (SwapWindows windows = SwapWindows.open(router, before.keySet())) {
            try (InputStream in = Files.newInputStream(source)) {
                bundle.update(in);
            } catch (BundleException e) {
                rollBack(bundle, previous);
                throw new ApiException(422, "INVALID_BUNDLE", "The framework refused the jar for "
                        + bundle.getSymbolicName() + ": " + e.getMessage() + "; the previous version is back");
            }
            refreshIfRemovalPending();
            try {
                awaitMounted(before, false);
            } catch (ApiException notMounted) {
                rollBack(bundle, previous);
                throw new ApiException(500, "MODULE_NOT_MOUNTED", notMounted.getMessage()
                        + "; the previous version of " + bundle.getSymbolicName() + " is back");
            }
        } finally {
            Files.deleteIfExists(previous);
        }
        return describe(bundle);
    }

    private void rollBack(Bundle bundle, Path previous) {
        try (InputStream in = Files.newInputStream(previous)) {
            bundle.update(in);
            bundle.start();
            refreshIfRemovalPending();
        } catch (IOException | BundleException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ApiException(500, "MODULE_OPERATION_FAILED", "The framework refused the jar for "
                    + bundle.getSymbolicName() + " and the previous version could not be restored: " + e.getMessage());
        }
    }

    /** A framework refusal (resolution or activation failure) reported with its reason. */
    private static void framework(BundleAction action) {
        try {
            action.run();
        } catch (BundleException e) {
            throw new ApiException(500, "MODULE_OPERATION_FAILED", e.getMessage());
        }
    }

    @FunctionalInterface
    private interface BundleAction {
        void run() throws BundleException;
    }

    private Path newestDeployedJar(String symbolicName) throws IOException {
        Path dir = deployDir.orElseThrow(() -> new ApiException(422, "NO_JAR",
                "No jar in the request body and no deploy folder configured"));
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar"))
                    .filter(f -> BundleJars.symbolicName(f).filter(symbolicName::equals).isPresent())
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new ApiException(422, "NO_JAR",
                            "No jar for " + symbolicName + " in the request body or in " + dir));
        }
    }

    private FrameworkWiring wiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    private void refreshIfRemovalPending() throws InterruptedException {
        FrameworkWiring wiring = wiring();
        if (wiring.getRemovalPendingBundles().isEmpty()) {
            return;
        }
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        // A contract's refresh restarts every bundle wired to it, one after the other: on a busy machine that
        // takes longer than a request is held, and is still a refresh that worked.
        Duration bound = hold.multipliedBy(REFRESH_HOLDS);
        if (!refreshed.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ApiException(500, "MODULE_NOT_MOUNTED",
                    "The framework did not finish refreshing the bundles within " + bound.toMillis() + " ms");
        }
    }

    /**
     * Waits until each active bundle serves at least the paths it served before ({@code some}: at least one path);
     * one that does not within the hold time is named in the error.
     */
    private void awaitMounted(Map<Bundle, List<String>> expected, boolean some) throws InterruptedException {
        long deadline = System.nanoTime() + hold.toNanos();
        while (true) {
            List<String> missing = expected.entrySet().stream()
                    .filter(e -> e.getKey().getState() == Bundle.ACTIVE || e.getKey().getState() == Bundle.STARTING)
                    .filter(e -> !serves(e.getKey().getSymbolicName(), e.getValue(), some))
                    .map(e -> e.getKey().getSymbolicName() + (e.getValue().isEmpty() ? "" : " " + e.getValue()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ApiException(500, "MODULE_NOT_MOUNTED", "Bundle(s) " + String.join(", ", missing)
                        + " did not mount their routes within " + hold.toMillis() + " ms; see the server log");
            }
            Thread.sleep(5);
        }
    }

    private boolean serves(String owner, List<String> paths, boolean some) {
        List<String> now = pathsOf(owner);
        return now.containsAll(paths) && (!some || !now.isEmpty());
    }

    private List<String> pathsOf(String owner) {
        return router.mounts().stream().filter(m -> m.owner().equals(owner))
                .flatMap(m -> m.prefixes().stream()).sorted().toList();
    }

    private Bundle find(String name) {
        return Arrays.stream(context.getBundles()).filter(ModuleManager::isDomainBundle)
                .filter(b -> name.equals(b.getSymbolicName()) || name.equals(b.getHeaders().get(DOMAIN_HEADER)))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("NOT_FOUND", "Module not found: " + name));
    }

    private ModuleInfo describe(Bundle bundle) {
        String domain = bundle.getHeaders().get(DOMAIN_HEADER);
        String service = bundle.getHeaders().get(SERVICE_HEADER);
        String role = domain != null ? "impl" : service != null ? "service" : "api";
        String named = domain != null ? domain : service != null ? service : bundle.getHeaders().get(CONTRACT_HEADER);
        return new ModuleInfo(bundle.getSymbolicName(), named, role, bundle.getVersion().toString(),
                state(bundle.getState()), pathsOf(bundle.getSymbolicName()));
    }

    private static boolean isDomainBundle(Bundle bundle) {
        return bundle.getHeaders().get(DOMAIN_HEADER) != null || bundle.getHeaders().get(CONTRACT_HEADER) != null
                || bundle.getHeaders().get(SERVICE_HEADER) != null;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
