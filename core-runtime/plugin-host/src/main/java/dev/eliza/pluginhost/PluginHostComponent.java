package dev.eliza.pluginhost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.DomainContribution;
import dev.eliza.http.api.RouteHolds;
import dev.eliza.messaging.api.ChannelPoster;
import dev.eliza.persistence.api.Cluster;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs the PF4J plugins of {@code plugins/} inside the platform: starts them, follows the folder, and serves the
 * plugin API at {@code /api/plugins}; each started plugin's routes are mounted at {@code /api/plugins/<id>}, its
 * per-agent routes under {@code /api/agents/<agentId>/plugins}.
 */
@Component(immediate = true, service = {})
public final class PluginHostComponent {
    private static final String CATALOG_TOPIC = "plugins.catalog";
    /** How often the catalog is read even when no node said it changed. */
    private static final Duration CATALOG_SWEEP = Duration.ofSeconds(30);
    /** Made before activation: the optional registry may be bound first. */
    private final PluginMeters meters = new PluginMeters();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AgentDirectory agents;

    /** Greedy: a poster ranked higher than the one bound (or the messaging domain back from a swap) takes over. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChannelPoster poster;

    /** Optional like the HTTP server itself: without it there are no routes to hold. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RouteHolds holds;

    private PluginHost host;
    private ScheduledExecutorService watcher;
    private ServiceRegistration<DomainContribution> api;
    private ServiceRegistration<DomainContribution> perAgent;

    @Reference
    private Database database;

    /** Tells the other nodes of catalog changes at once; the sweep catches what a lost message missed. */
    @Reference
    private Cluster cluster;

    private AutoCloseable catalogChanges;

    @Activate
    void activate(BundleContext context) throws IOException {
        Path dir = Path.of(Optional.ofNullable(context.getProperty("PLUGINS_DIR")).orElse("plugins")).toAbsolutePath();
        Files.createDirectories(dir);
        ClassLoader hostLoader = context.getBundle().adapt(BundleWiring.class).getClassLoader();
        AgentRouteTable agentRoutes = new AgentRouteTable(Duration.ofMillis(
                Long.parseLong(Optional.ofNullable(context.getProperty("SWAP_HOLD_MS")).orElse("5000"))));
        database.migrate("plugins", Migration.scan(context.getBundle(), "db/plugins"));
        SqlSessionFactory store = database.sessionFactory(hostLoader, PluginKvMapper.class);
        Supplier<Optional<AgentDirectory>> directory = () -> Optional.ofNullable(agents);
        HostPluginContext.Services services = new HostPluginContext.Services(System.getenv(),
                new AgentsView(directory), new ChannelMessagesView(() -> Optional.ofNullable(poster)));
        watcher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "plugins-watcher"));
        HostPluginManager manager = new HostPluginManager(dir, hostLoader);
        PluginRouteInvoker invoker = new PluginRouteInvoker();
        // Failing a plugin stops its threads, so it never runs on one of them: the watcher does it.
        host = new PluginHost(manager, new PluginActivator(context, manager, agentRoutes, directory, services, store,
                invoker, PluginCallSettings.from(context::getProperty),
                (id, reason) -> watcher.execute(() -> host.fail(id, reason))), id -> hold(context, agentRoutes, id));
        host.startAll();
        meters.plugins(host::list);
        PluginsFolder folder = new PluginsFolder(dir, host);
        CataloguedPlugins catalogued = new CataloguedPlugins(dir, folder, host,
                new PluginCatalog(database.sessionFactory(hostLoader, PluginJarMapper.class)),
                id -> cluster.publish(CATALOG_TOPIC, id));
        // subscribed first: a change made while the catalog is read below is told, not missed
        catalogChanges = cluster.subscribe(CATALOG_TOPIC, new Cluster.ClusterListener() {
            @Override
            public void received(String origin, String pluginId) {
                watcher.execute(catalogued);
            }

            @Override
            public void resync() {
                watcher.execute(catalogued);
            }
        });
        // What the other nodes installed is running before this node serves its first plugin route.
        catalogued.run();
        long poll = Long.parseLong(Optional.ofNullable(context.getProperty("DEPLOY_POLL_MS")).orElse("1000"));
        watcher.scheduleWithFixedDelay(folder, poll, poll, TimeUnit.MILLISECONDS);
        watcher.scheduleWithFixedDelay(catalogued, CATALOG_SWEEP.toMillis(), CATALOG_SWEEP.toMillis(),
                TimeUnit.MILLISECONDS);
        // The management paths inside each plugin's namespace outrank the plugin's own routes: reserved names.
        // Exact prefixes only: a catch-all /api/plugins would answer a plugin's paths with 404 while a reload
        // holds them.
        api = context.registerService(DomainContribution.class, DomainContribution.of("plugins",
                List.of("/api/plugins$", "/api/plugins/*$", "/api/plugins/*/enable", "/api/plugins/*/disable",
                        "/api/plugins/*/reload"), new PluginsResource(host, folder, catalogued)), null);
        perAgent = context.registerService(DomainContribution.class, DomainContribution.of("agent-plugins",
                List.of("/api/agents/*/plugins"),
                new AgentPluginsResource(agentRoutes, directory), new PlatformUnavailableMapper(), invoker.binder()),
                null);
    }

    /** The platform's meter registry, while the metrics bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMeterRegistry(MeterRegistry registry) {
        meters.add(registry);
    }

    void unbindMeterRegistry(MeterRegistry registry) {
        meters.remove(registry);
    }

    /** Holds the plugin's platform routes (all this bundle's) and its per-agent routes while it is replaced. */
    private RouteHolds.Hold hold(BundleContext context, AgentRouteTable agentRoutes, String pluginId) {
        RouteHolds current = holds;
        RouteHolds.Hold platform = current == null ? () -> { } : current.hold(context.getBundle());
        RouteHolds.Hold perAgent = agentRoutes.hold(pluginId);
        return () -> {
            try {
                perAgent.close();
            } finally {
                platform.close();
            }
        };
    }

    @Deactivate
    void deactivate() throws Exception {
        catalogChanges.close();
        watcher.shutdownNow();
        watcher.awaitTermination(5, TimeUnit.SECONDS);
        perAgent.unregister();
        api.unregister();
        host.unloadAll();
    }
}
