package dev.eliza.pluginhost;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.RouteHolds;

/**
 * The plugins of one platform run: installs, starts, stops, reloads and removes PF4J plugins, and keeps what each
 * started plugin added to the platform ({@link StartedPlugin}). A plugin that fails is kept with its reason;
 * nothing it does stops the others. One operation at a time, reads included: PF4J's own maps are not meant for
 * concurrent use.
 */
final class PluginHost {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostPluginManager manager;
    private final Map<String, StartedPlugin> started = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final PluginActivator activator;
    private final Function<String, RouteHolds.Hold> holds;

    /**
     * {@code activator} must work on the same {@code manager}; {@code holds} opens, for a plugin id, a hold on that
     * plugin's routes for the time of a reload.
     */
    PluginHost(HostPluginManager manager, PluginActivator activator, Function<String, RouteHolds.Hold> holds) {
        this.manager = manager;
        this.activator = activator;
        this.holds = holds;
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

    /**
     * Installs as {@link #install} does, but keeps the plugin only once it is started with everything registered;
     * otherwise unloads it and throws a 422 with the reason.
     */
    synchronized String installStarted(Path jar) {
        String id = install(jar);
        if (!started.containsKey(id)) {
            String reason = failures.getOrDefault(id, "not started");
            unload(id);
            throw new ApiException(422, "PLUGIN_FAILED", "Plugin " + id + " could not start: " + reason);
        }
        return id;
    }

    /** Starts the plugin; nothing when it is started already (enabling it twice must not mount it twice). */
    synchronized void start(String id) {
        if (started.containsKey(id)) {
            return;
        }
        failures.remove(id);
        PluginState state = manager.startPlugin(id);
        PluginWrapper plugin = manager.getPlugin(id);
        if (state != PluginState.STARTED) {
            failures.put(id, Optional.ofNullable(plugin.getFailedException()).map(Throwable::getMessage)
                    .orElse("not started: " + state));
            return;
        }
        activate(plugin);
    }

    synchronized void stop(String id) {
        deactivate(id);
        manager.stopPlugin(id);
    }

    /** Stops a started plugin and marks it failed, for a reason found after it started. */
    synchronized void fail(String id, String reason) {
        if (started.containsKey(id)) {
            stop(id);
            failures.put(id, reason);
            LOG.error("Plugin {} stopped: {}", id, reason);
        }
    }

    /** Stops and unloads the plugin, closing its class loader; returns the jar it came from. */
    synchronized Path unload(String id) {
        Path jar = require(id).getPluginPath();
        deactivate(id);
        failures.remove(id);
        manager.unloadPlugin(id);
        return jar;
    }

    /** Unloads and installs the plugin again from its jar, its routes held meanwhile; returns the jar. */
    synchronized Path reload(String id) {
        Path jar = require(id).getPluginPath();
        try (RouteHolds.Hold hold = holds.apply(id)) {
            unload(id);
            install(jar);
        }
        return jar;
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

    synchronized boolean has(String id) {
        return manager.getPlugin(id) != null;
    }

    synchronized PluginWrapper require(String id) {
        PluginWrapper plugin = manager.getPlugin(id);
        if (plugin == null) {
            throw ApiException.notFound("NOT_FOUND", "Plugin not found: " + id);
        }
        return plugin;
    }

    synchronized List<PluginInfo> list() {
        return manager.getPlugins().stream().map(p -> new PluginInfo(p.getPluginId(), p.getDescriptor().getVersion(),
                failures.containsKey(p.getPluginId()) ? "FAILED" : p.getPluginState().toString(),
                routesOf(p.getPluginId()),
                failures.getOrDefault(p.getPluginId(), ""))).toList();
    }

    private List<String> routesOf(String id) {
        StartedPlugin plugin = started.get(id);
        return plugin == null ? List.of() : plugin.routes();
    }

    private void activate(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        try {
            started.put(id, activator.activate(plugin));
            LOG.info("Plugin {} {} started", id, plugin.getDescriptor().getVersion());
        } catch (IllegalStateException e) {
            failures.put(id, e.getMessage());
            manager.stopPlugin(id);
            LOG.error("Plugin {} could not start: {}", id, e.getMessage(), e.getCause());
        }
    }

    private void deactivate(String id) {
        StartedPlugin plugin = started.remove(id);
        if (plugin != null) {
            plugin.close();
        }
    }
}
