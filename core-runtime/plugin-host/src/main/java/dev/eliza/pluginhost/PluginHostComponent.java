package dev.eliza.pluginhost;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.http.api.DomainContribution;
import dev.eliza.sdk.GlobalRoutes;

/**
 * Runs the PF4J plugins of {@code plugins/} inside the platform: loads and starts them, mounts each started
 * plugin's {@link GlobalRoutes} at {@code /api/plugins/<id>}, and lists them at {@code /api/plugins}. A plugin that
 * fails to load, start or build its routes is reported with its reason; the others keep serving.
 */
@Component(immediate = true, service = {})
public final class PluginHostComponent {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHostComponent.class);

    private HostPluginManager manager;
    private final Map<String, ServiceRegistration<DomainContribution>> mounted = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private ServiceRegistration<DomainContribution> listing;

    @Activate
    void activate(BundleContext context) {
        Path dir = Path.of(Optional.ofNullable(context.getProperty("PLUGINS_DIR")).orElse("plugins"));
        ClassLoader hostLoader = context.getBundle().adapt(BundleWiring.class).getClassLoader();
        manager = new HostPluginManager(dir, hostLoader);
        manager.loadPlugins();
        manager.startPlugins();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() == PluginState.STARTED) {
                mount(context, plugin);
            } else {
                failures.put(plugin.getPluginId(), Optional.ofNullable(plugin.getFailedException())
                        .map(Throwable::getMessage).orElse("not started: " + plugin.getPluginState()));
            }
        }
        listing = context.registerService(DomainContribution.class, new PluginsListing(this::describe), null);
    }

    @Deactivate
    void deactivate() {
        listing.unregister();
        mounted.values().forEach(ServiceRegistration::unregister);
        mounted.clear();
        // One by one over a copy: PF4J's own stopPlugins() modifies the list it iterates.
        for (String id : manager.getPlugins().stream().map(PluginWrapper::getPluginId).toList()) {
            manager.unloadPlugin(id);
        }
    }

    private void mount(BundleContext context, PluginWrapper plugin) {
        String id = plugin.getPluginId();
        try {
            Set<Object> resources = new HashSet<>();
            EnvironmentPluginContext pluginContext = EnvironmentPluginContext.of(id, System.getenv());
            for (GlobalRoutes routes : manager.getExtensions(GlobalRoutes.class, id)) {
                resources.addAll(routes.resources(pluginContext));
            }
            if (!resources.isEmpty()) {
                mounted.put(id, context.registerService(DomainContribution.class, new PluginRoutes(id, resources),
                        null));
            }
            LOG.info("Plugin {} {} started with {} route resource(s)", id, plugin.getDescriptor().getVersion(),
                    resources.size());
        } catch (RuntimeException | LinkageError e) {
            failures.put(id, String.valueOf(e.getMessage()));
            LOG.error("Plugin {} could not build its routes: {}", id, e.getMessage(), e);
        }
    }

    private List<PluginInfo> describe() {
        return manager.getPlugins().stream().map(plugin -> new PluginInfo(plugin.getPluginId(),
                plugin.getDescriptor().getVersion(),
                failures.containsKey(plugin.getPluginId()) ? "FAILED" : plugin.getPluginState().toString(),
                mounted.containsKey(plugin.getPluginId()) ? List.of(PluginRoutes.basePathOf(plugin.getPluginId()))
                        : List.of(),
                failures.getOrDefault(plugin.getPluginId(), ""))).toList();
    }

    /** {@code /api/plugins} itself. */
    private record PluginsListing(java.util.function.Supplier<List<PluginInfo>> plugins) implements DomainContribution {
        @Override
        public String domain() {
            return "plugins";
        }

        @Override
        public List<String> pathPrefixes() {
            return List.of("/api/plugins");
        }

        @Override
        public Set<Object> resources() {
            return Set.of(new PluginsResource(plugins));
        }
    }
}
