package dev.eliza.bootstrap;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import dev.eliza.platform.logging.LogBuffer;

/** The embedded Felix framework with the platform's bundles, its deploy watcher, and its orderly shutdown. */
final class FelixPlatform {
    static final int ACTIVE_START_LEVEL = 5;
    /** The launch report of the agents bundle: found by its property, so the launcher names no class of a domain. */
    private static final String LAUNCH_REPORT = "(eliza.launch.done=true)";
    private static final String SLF4J_PACKAGES = "org.slf4j,org.slf4j.event,org.slf4j.helpers,org.slf4j.spi";

    private final PlatformConfig config;
    private final RingLogBuffer logs;
    private Framework framework;
    private ScheduledExecutorService watcher;

    FelixPlatform(PlatformConfig config, RingLogBuffer logs) {
        this.config = config;
        this.logs = logs;
    }

    /** Starts the framework and every bundle; returns once the HTTP server and database are up. */
    StartupReport start(Duration timeout) throws Exception {
        Files.createDirectories(config.deployDir());
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(frameworkProperties());
        framework.init();
        BundleContext context = framework.getBundleContext();
        context.registerService(LogBuffer.class, logs, null);
        BundleInstaller installer = new BundleInstaller(context);
        BundleInstaller.startAll(installer.installAll(config.bundlesDir()));
        framework.start();
        StartupReport report = awaitReady(context, timeout);
        watcher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "deploy-watcher"));
        long poll = Long.parseLong(config.get("DEPLOY_POLL_MS").orElse("1000"));
        DeployWatcher deploy = new DeployWatcher(context, installer, config.deployDir(),
                config.dataDir().resolve("deploy-applied.properties"));
        watcher.scheduleWithFixedDelay(deploy, 0, poll,
                TimeUnit.MILLISECONDS);
        return report;
    }

    /** Blocks until the framework has stopped, for whatever reason. */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Stops bundles in reverse start order: HTTP first (finishing in-flight requests), the database last. */
    void stop(Duration timeout) throws Exception {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        if (framework != null) {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(timeout.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                throw new IllegalStateException("The framework did not stop within " + timeout.toMillis() + " ms");
            }
        }
    }

    /**
     * Waits until the HTTP server says start-up is over (every active domain, the realtime endpoint and the plugins
     * are mounted, or its grace time passed) and the database is up.
     */
    private StartupReport awaitReady(BundleContext context, Duration timeout)
            throws InterruptedException, StartRefusedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ServiceReference<?>> http = reference(context, "dev.eliza.http.api.HttpEndpoint");
            Optional<ServiceReference<?>> database = reference(context, "dev.eliza.persistence.api.Database");
            if (http.isPresent() && database.isPresent() && Boolean.TRUE.equals(http.get().getProperty("ready"))
                    && charactersLaunched(context)) {
                return StartupReport.of(http.get(), database.get());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The HTTP server, the database or the launch characters did not come up "
                + "within " + timeout.toSeconds() + " s; see the log above");
    }

    /**
     * With character files asked for, start-up is over once the agents bundle has applied them; it reports a bad
     * file (named, with the problem) on its launch report, the service {@value #LAUNCH_REPORT}, and that refuses the
     * start.
     */
    private boolean charactersLaunched(BundleContext context) throws StartRefusedException {
        if (config.get(PlatformConfig.CHARACTERS).isEmpty()) {
            return true;
        }
        Optional<ServiceReference<?>> launch = launchReport(context);
        if (launch.isPresent() && launch.get().getProperty("eliza.launch.failure") instanceof String failure) {
            throw new StartRefusedException(failure);
        }
        return launch.isPresent();
    }

    private static Optional<ServiceReference<?>> launchReport(BundleContext context) {
        try {
            ServiceReference<?>[] found = context.getServiceReferences((String) null, LAUNCH_REPORT);
            return found == null ? Optional.empty() : Optional.of(found[0]);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("Bad filter " + LAUNCH_REPORT, e);
        }
    }

    private static Optional<ServiceReference<?>> reference(BundleContext context, String type) {
        return Optional.ofNullable(context.getServiceReference(type));
    }

    private Map<String, String> frameworkProperties() {
        Map<String, String> properties = new HashMap<>(config.asFrameworkProperties());
        properties.put(Constants.FRAMEWORK_STORAGE, config.dataDir().resolve("felix-cache").toString());
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(ACTIVE_START_LEVEL));
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, systemPackagesExtra());
        properties.put("felix.log.level", "1");
        return properties;
    }

    /** slf4j is exported twice: 2.x for our bundles and 1.7 for libraries (HikariCP) that import [1.6,2). */
    private static String systemPackagesExtra() {
        StringBuilder packages = new StringBuilder("dev.eliza.platform.logging;version=1.0.0");
        for (String version : new String[] {"2.0.17", "1.7.36"}) {
            for (String pkg : SLF4J_PACKAGES.split(",")) {
                packages.append(',').append(pkg).append(";version=").append(version);
            }
        }
        return packages.toString();
    }
}
