package dev.eliza.http.impl;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when start-up is over: the framework has reached its beginning start level and every active bundle has
 * mounted the domains its manifest names ({@code Eliza-Domain: agents}, {@code Eliza-Contributes: realtime,...})
 * and the path prefixes it declares inside other domains' ({@code Eliza-Paths: /api/messaging/sessions}). Until
 * then the declared prefixes nobody serves yet are reported, so that they are answered 503 rather than by the
 * broader domain. A runtime service bundle ({@code Eliza-Service: agent-runtime}, the model and audio providers) must
 * have registered its services: a memory search or an agent start right after the ready line needs them.
 * A bundle that never mounts (its activation failed) delays readiness by the grace time at most, then is named in
 * a warning. Re-evaluated whenever a mount, a bundle or the start level changes.
 */
final class StartupReadiness implements BundleListener, FrameworkListener, ServiceListener, AutoCloseable {
    static final String CONTRIBUTES_HEADER = "Eliza-Contributes";
    static final String PATHS_HEADER = "Eliza-Paths";
    private static final Logger LOG = LoggerFactory.getLogger(StartupReadiness.class);

    private final BundleContext context;
    private final Supplier<List<Mount>> mounts;
    private final Runnable onReady;
    private final Consumer<Set<String>> awaiting;
    private final ScheduledExecutorService timer;
    private final int beginningLevel;
    private boolean ready;

    StartupReadiness(BundleContext context, Supplier<List<Mount>> mounts, Consumer<Set<String>> awaiting,
                     Runnable onReady) {
        this.context = context;
        this.mounts = mounts;
        this.awaiting = awaiting;
        this.onReady = onReady;
        this.beginningLevel = Integer.parseInt(String.valueOf(
                java.util.Optional.ofNullable(context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL))
                        .orElse("1")));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "startup-readiness"));
    }

    /** Starts listening; past {@code grace} start-up ends with a warning for whatever is still missing. */
    void open(Duration grace) {
        context.addBundleListener(this);
        context.addFrameworkListener(this);
        context.addServiceListener(this);
        timer.schedule(() -> finish(true), grace.toMillis(), TimeUnit.MILLISECONDS);
        check();
    }

    synchronized boolean isReady() {
        return ready;
    }

    /** Re-evaluates readiness; cheap, and a no-op once ready. */
    void check() {
        finish(false);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        check();
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED || event.getType() == FrameworkEvent.STARTED) {
            check();
        }
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.REGISTERED) {
            check();
        }
    }

    private void finish(boolean graceOver) {
        synchronized (this) {
            if (ready) {
                return;
            }
            Set<String> served = mounts.get().stream().flatMap(m -> m.prefixes().stream())
                    .collect(Collectors.toSet());
            awaiting.accept(awaited(served));
            Set<String> missing = missing(served);
            if (!missing.isEmpty() && !graceOver) {
                return;
            }
            if (!missing.isEmpty()) {
                LOG.warn("Start-up goes on without {}: see the log above", missing);
            }
            ready = true;
        }
        close();
        onReady.run();
    }

    /** The prefixes declared by bundles that are or will be started, less those served. */
    private Set<String> awaited(Set<String> served) {
        Set<String> awaited = new TreeSet<>();
        for (Bundle bundle : context.getBundles()) {
            if ((bundle.getState() & (Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                declared(bundle, PATHS_HEADER).stream().filter(p -> !served.contains(p)).forEach(awaited::add);
            }
        }
        return awaited;
    }

    /**
     * {@code bundle (domain)} for each declared domain not mounted yet, {@code bundle (prefix)} for each declared
     * prefix not served, {@code bundle (services)} for a runtime service bundle that has registered none yet;
     * "start level" while bundles still start.
     */
    private Set<String> missing(Set<String> served) {
        Set<String> missing = new TreeSet<>();
        if (context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel() < beginningLevel) {
            missing.add("start level " + beginningLevel);
        }
        List<Mount> mounted = mounts.get();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.ACTIVE) {
                continue;
            }
            for (String domain : declaredDomains(bundle)) {
                boolean there = mounted.stream()
                        .anyMatch(m -> m.owner().equals(bundle.getSymbolicName()) && m.domain().equals(domain));
                if (!there) {
                    missing.add(bundle.getSymbolicName() + " (" + domain + ")");
                }
            }
            declared(bundle, PATHS_HEADER).stream().filter(p -> !served.contains(p))
                    .forEach(p -> missing.add(bundle.getSymbolicName() + " (" + p + ")"));
            if (bundle.getHeaders().get(ModuleManager.SERVICE_HEADER) != null
                    && bundle.getRegisteredServices() == null) {
                missing.add(bundle.getSymbolicName() + " (services)");
            }
        }
        return missing;
    }

    private static List<String> declaredDomains(Bundle bundle) {
        return declared(bundle, ModuleManager.DOMAIN_HEADER, CONTRIBUTES_HEADER);
    }

    private static List<String> declared(Bundle bundle, String... headers) {
        return Arrays.stream(headers).map(h -> bundle.getHeaders().get(h))
                .filter(h -> h != null && !h.isBlank())
                .flatMap(h -> Arrays.stream(h.trim().split("\\s*,\\s*"))).toList();
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
        context.removeFrameworkListener(this);
        context.removeServiceListener(this);
        timer.shutdownNow();
    }
}
