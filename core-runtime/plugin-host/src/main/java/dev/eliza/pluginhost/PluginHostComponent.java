package dev.eliza.pluginhost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import dev.eliza.http.api.DomainContribution;

/**
 * Runs the PF4J plugins of {@code plugins/} inside the platform: starts them, follows the folder, and serves the
 * plugin API at {@code /api/plugins}; each started plugin's routes are mounted at {@code /api/plugins/<id>}.
 */
@Component(immediate = true, service = {})
public final class PluginHostComponent {
    private PluginHost host;
    private ScheduledExecutorService watcher;
    private ServiceRegistration<DomainContribution> api;

    @Activate
    void activate(BundleContext context) throws IOException {
        Path dir = Path.of(Optional.ofNullable(context.getProperty("PLUGINS_DIR")).orElse("plugins")).toAbsolutePath();
        Files.createDirectories(dir);
        ClassLoader hostLoader = context.getBundle().adapt(BundleWiring.class).getClassLoader();
        host = new PluginHost(context, new HostPluginManager(dir, hostLoader));
        host.startAll();
        long poll = Long.parseLong(Optional.ofNullable(context.getProperty("DEPLOY_POLL_MS")).orElse("1000"));
        watcher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "plugins-watcher"));
        watcher.scheduleWithFixedDelay(new PluginsFolderWatcher(dir, host), poll, poll, TimeUnit.MILLISECONDS);
        api = context.registerService(DomainContribution.class, new PluginsApi(new PluginsResource(host, dir)), null);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        watcher.shutdownNow();
        watcher.awaitTermination(5, TimeUnit.SECONDS);
        api.unregister();
        host.unloadAll();
    }

    /**
     * {@code /api/plugins} itself, including the management paths inside each plugin's namespace
     * ({@code /api/plugins/<id>} and its {@code enable}, {@code disable}, {@code reload}), which outrank the
     * plugin's own routes: those names are reserved.
     */
    private record PluginsApi(PluginsResource resource) implements DomainContribution {
        @Override
        public String domain() {
            return "plugins";
        }

        @Override
        public List<String> pathPrefixes() {
            return List.of("/api/plugins", "/api/plugins/*$", "/api/plugins/*/enable", "/api/plugins/*/disable",
                    "/api/plugins/*/reload");
        }

        @Override
        public Set<Object> resources() {
            return Set.of(resource);
        }
    }
}
