package dev.eliza.pluginhost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.DomainContribution;
import dev.eliza.sdk.AgentRoutes;
import dev.eliza.sdk.GlobalRoutes;

/**
 * The plugins of one platform run: installs, starts, stops, reloads and removes PF4J plugins, and keeps each
 * started plugin's routes registered as a {@link DomainContribution}. A plugin that fails is kept with its
 * reason; nothing it does stops the others. One operation at a time.
 */
final class PluginHost {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final BundleContext context;
    private final HostPluginManager manager;
    private final Map<String, ServiceRegistration<DomainContribution>> mounted = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final AgentRouteTable agentRoutes;
    private final SqlSessionFactory store;

    PluginHost(BundleContext context, HostPluginManager manager, AgentRouteTable agentRoutes,
               SqlSessionFactory store) {
        this.context = context;
        this.manager = manager;
        this.agentRoutes = agentRoutes;
        this.store = store;
    }

    /** Loads and starts every plugin of the folder. */
    synchronized void startAll() {
        manager.loadPlugins();
        for (PluginWrapper plugin : manager.getPlugins()) {
            start(plugin.getPluginId());
        }
    }

    /** Loads the plugin in {@code jar} and starts it; returns its id. */
    synchronized String install(Path jar) {
        String id;
        try {
            id = manager.loadPlugin(jar);
        } catch (RuntimeException e) {
            throw new ApiException(422, "INVALID_PLUGIN", "Cannot load " + jar.getFileName() + ": " + e.getMessage());
        }
        start(id);
        return id;
    }

    synchronized void start(String id) {
        failures.remove(id);
        PluginState state = manager.startPlugin(id);
        PluginWrapper plugin = manager.getPlugin(id);
        if (state != PluginState.STARTED) {
            failures.put(id, Optional.ofNullable(plugin.getFailedException()).map(Throwable::getMessage)
                    .orElse("not started: " + state));
            return;
        }
        mount(plugin);
    }

    synchronized void stop(String id) {
        unmount(id);
        manager.stopPlugin(id);
    }

    /** Stops and unloads the plugin, closing its class loader; returns the jar it came from. */
    synchronized Path unload(String id) {
        Path jar = require(id).getPluginPath();
        unmount(id);
        failures.remove(id);
        manager.unloadPlugin(id);
        return jar;
    }

    synchronized void reload(String id) {
        install(unload(id));
    }

    synchronized void delete(String id) throws java.io.IOException {
        Files.deleteIfExists(unload(id));
    }

    synchronized void unloadAll() {
        for (String id : manager.getPlugins().stream().map(PluginWrapper::getPluginId).toList()) {
            unload(id);
        }
    }

    synchronized Optional<String> idOf(Path jar) {
        return manager.getPlugins().stream().filter(p -> p.getPluginPath().equals(jar))
                .map(PluginWrapper::getPluginId).findFirst();
    }

    boolean has(String id) {
        return manager.getPlugin(id) != null;
    }

    PluginWrapper require(String id) {
        PluginWrapper plugin = manager.getPlugin(id);
        if (plugin == null) {
            throw ApiException.notFound("NOT_FOUND", "Plugin not found: " + id);
        }
        return plugin;
    }

    List<PluginInfo> list() {
        return manager.getPlugins().stream().map(p -> new PluginInfo(p.getPluginId(), p.getDescriptor().getVersion(),
                failures.containsKey(p.getPluginId()) ? "FAILED" : p.getPluginState().toString(),
                routesOf(p.getPluginId()),
                failures.getOrDefault(p.getPluginId(), ""))).toList();
    }

    private List<String> routesOf(String id) {
        List<String> routes = new java.util.ArrayList<>(agentRoutes.pathsOf(id));
        if (mounted.containsKey(id)) {
            routes.add(0, PluginRoutes.basePathOf(id));
        }
        return routes;
    }

    private void mount(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        try {
            Set<Object> resources = new HashSet<>();
            EnvironmentPluginContext pluginContext = EnvironmentPluginContext.of(id, System.getenv(),
                    new DatabaseKeyValueStore(id, store));
            for (GlobalRoutes routes : manager.getExtensions(GlobalRoutes.class, id)) {
                resources.addAll(routes.resources(pluginContext));
            }
            List<Object> perAgent = new java.util.ArrayList<>();
            for (AgentRoutes routes : manager.getExtensions(AgentRoutes.class, id)) {
                perAgent.addAll(routes.resources(pluginContext));
            }
            Optional<String> refusal = agentRoutes.register(id, perAgent);
            if (refusal.isPresent()) {
                throw new IllegalStateException(refusal.get());
            }
            if (!resources.isEmpty()) {
                mounted.put(id, context.registerService(DomainContribution.class, new PluginRoutes(id, resources),
                        null));
            }
            LOG.info("Plugin {} {} started with {} route resource(s)", id, plugin.getDescriptor().getVersion(),
                    resources.size());
        } catch (RuntimeException | LinkageError e) {
            agentRoutes.unregister(id);
            failures.put(id, String.valueOf(e.getMessage()));
            manager.stopPlugin(id);
            LOG.error("Plugin {} could not build its routes: {}", id, e.getMessage(), e);
        }
    }

    private void unmount(String id) {
        agentRoutes.unregister(id);
        ServiceRegistration<DomainContribution> registration = mounted.remove(id);
        if (registration != null) {
            registration.unregister();
        }
    }
}
