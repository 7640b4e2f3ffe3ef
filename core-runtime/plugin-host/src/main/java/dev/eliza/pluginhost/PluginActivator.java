package dev.eliza.pluginhost;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.events.api.PlatformEventListener;
import dev.eliza.http.api.DomainContribution;
import dev.eliza.sdk.AgentRoutes;
import dev.eliza.sdk.EventListener;
import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.ModelProviderExtension;
import dev.eliza.sdk.PluginService;

/**
 * Turns a PF4J-started plugin's extensions into platform registrations: global routes, agent routes (both ElizaOS
 * forms), one event listener service, its model providers, and its services started. All or nothing: whatever
 * fails undoes the rest. Routes, listeners and providers run on the plugin's own {@link PluginCalls}.
 */
final class PluginActivator {
    private final BundleContext context;
    private final PluginManager manager;
    private final AgentRouteTable agentRoutes;
    private final Supplier<Optional<AgentDirectory>> agents;
    private final HostPluginContext.Services services;
    private final SqlSessionFactory store;
    private final PluginRouteInvoker invoker;
    private final PluginCallSettings limits;
    private final BiConsumer<String, String> lateFailure;

    /**
     * {@code lateFailure} is told, off the caller's thread or not, of a started plugin that must be failed: its
     * path was refused after the start, or its calls failed too often in a row.
     */
    PluginActivator(BundleContext context, PluginManager manager, AgentRouteTable agentRoutes,
                    Supplier<Optional<AgentDirectory>> agents, HostPluginContext.Services services,
                    SqlSessionFactory store, PluginRouteInvoker invoker, PluginCallSettings limits,
                    BiConsumer<String, String> lateFailure) {
        this.context = context;
        this.manager = manager;
        this.agentRoutes = agentRoutes;
        this.agents = agents;
        this.services = services;
        this.store = store;
        this.invoker = invoker;
        this.limits = limits;
        this.lateFailure = lateFailure;
    }

    /** Registers everything of the plugin, or throws {@link IllegalStateException} with the reason having undone it. */
    StartedPlugin activate(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        HostPluginContext pluginContext = HostPluginContext.of(id, services, new DatabaseKeyValueStore(id, store));
        StartedPlugin started = new StartedPlugin(id);
        try {
            ClassLoader loader = plugin.getPluginClassLoader();
            PluginCalls calls = PluginCalls.start(id, loader, limits, reason -> lateFailure.accept(id, reason));
            invoker.add(loader, calls);
            started.added(() -> {
                invoker.remove(loader);
                calls.close();
            });
            Set<Object> global = new HashSet<>();
            manager.getExtensions(GlobalRoutes.class, id).forEach(r -> global.addAll(r.resources(pluginContext)));
            List<Object> perAgent = new ArrayList<>();
            manager.getExtensions(AgentRoutes.class, id).forEach(r -> perAgent.addAll(r.resources(pluginContext)));
            if (!global.isEmpty()) {
                mount(started, id, refusal -> PluginContribution.globalRoutes(id, global, invoker, refusal));
                started.served(List.of(PluginContribution.globalBasePath(id)));
            }
            if (!perAgent.isEmpty()) {
                mountAgentRoutes(started, id, perAgent);
            }
            List<EventListener> listeners = manager.getExtensions(EventListener.class, id);
            if (!listeners.isEmpty()) {
                ServiceRegistration<PlatformEventListener> registration = context.registerService(
                        PlatformEventListener.class, new PluginEventBridge(listeners, pluginContext, calls),
                        FrameworkUtil.asDictionary(Map.of("listener.name", "plugin:" + id)));
                started.added(registration::unregister);
            }
            PluginModelProviders.register(context, id, manager.getExtensions(ModelProviderExtension.class, id),
                    pluginContext, calls, started);
            for (PluginService service : manager.getExtensions(PluginService.class, id)) {
                withPluginLoader(plugin, () -> service.start(pluginContext));
                started.added(() -> withPluginLoader(plugin, service::stop));
            }
            return started;
        } catch (Exception | LinkageError e) {
            started.close();
            throw new IllegalStateException(Optional.ofNullable(e.getMessage()).orElse(e.toString()), e);
        }
    }

    private void mountAgentRoutes(StartedPlugin started, String id, List<Object> perAgent) {
        agentRoutes.register(id, perAgent).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        started.added(() -> agentRoutes.unregister(id));
        List<String> segments = agentRoutes.segmentsOf(id);
        mount(started, id, refusal -> PluginContribution.agentRoutesByQuery(id, segments, agentRoutes, agents,
                invoker, refusal));
        segments.forEach(segment -> started.served(List.of("/api/agents/{agentId}/plugins/" + segment,
                "/" + segment + "?agentId={agentId}")));
    }

    /**
     * Registers a contribution; a refusal while registering fails the start, one that comes later (the HTTP server
     * was down and finds the path taken when it comes back) fails the plugin through {@link #lateFailure}.
     */
    private void mount(StartedPlugin started, String id, Function<java.util.function.Consumer<String>,
            DomainContribution> contribution) {
        AtomicBoolean registering = new AtomicBoolean(true);
        AtomicReference<String> refused = new AtomicReference<>();
        ServiceRegistration<DomainContribution> registration = context.registerService(DomainContribution.class,
                contribution.apply(reason -> {
                    if (registering.get()) {
                        refused.set(reason);
                    } else {
                        lateFailure.accept(id, reason);
                    }
                }), null);
        registering.set(false);
        started.added(registration::unregister);
        if (refused.get() != null) {
            throw new IllegalStateException(refused.get());
        }
    }

    private static void withPluginLoader(PluginWrapper plugin, StartedPlugin.Undo action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(plugin.getPluginClassLoader());
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
