package dev.eliza.http.impl;

import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.server.Server;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.http.api.DomainContribution;
import dev.eliza.http.api.HttpEndpoint;
import dev.eliza.http.api.RequestCounters;
import dev.eliza.http.api.RouteHolds;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Owns the platform's single Jetty server: starts it, mounts every {@link DomainContribution} for as long as it is
 * registered, serves the modules API, and announces itself as an {@link HttpEndpoint}.
 */
@Component(immediate = true, service = {})
public final class HttpServerComponent implements HttpEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerComponent.class);

    /** How long start-up waits for declared domains to mount before it goes on without them. */
    private static final Duration STARTUP_GRACE = Duration.ofSeconds(20);

    /** Made before activation: the optional registry may be bound first. */
    private final HttpMeters meters = new HttpMeters();
    private final AtomicReference<RequestCounters> counters = new AtomicReference<>();
    private HttpSettings settings;
    private StartupReadiness readiness;
    private DomainRouter router;
    private Server server;
    private ServiceTracker<DomainContribution, ContributionMounter.Tracked> tracker;
    private ServiceRegistration<HttpEndpoint> endpoint;
    private ServiceRegistration<RouteHolds> holds;
    private Mount admin;

    @Activate
    void activate(BundleContext context) throws Exception {
        settings = HttpSettings.from(context::getProperty);
        router = new DomainRouter(settings.swapHold(), settings.shutdownTimeout(), meters);
        readiness = new StartupReadiness(context, router::mounts, router::awaiting, this::startupOver);
        server = JettyServerFactory.create(settings, router, () -> Optional.ofNullable(counters.get()));
        try {
            serve(context);
        } catch (Exception | Error e) {
            // A half-started server would keep the port (and the mounted domains) until the process exits.
            readiness.close();
            server.stop();
            if (tracker != null) {
                tracker.close();
            }
            if (holds != null) {
                holds.unregister();
            }
            if (e instanceof BindException) {
                LOG.error("Cannot listen on {}:{}: the port is already in use", settings.host(), settings.port());
            }
            throw e;
        }
    }

    private void serve(BundleContext context) throws Exception {
        ObjectMapper mapper = ObjectMappers.create();
        ContributionMounter mounter = new ContributionMounter(context, router, mapper, this::publishMounts, server);
        router.whenHoldsReleased(mounter::mountWaiting);
        Optional<Path> deploy = Optional.ofNullable(context.getProperty("DEPLOY_DIR")).map(Path::of);
        ModuleManager manager = new ModuleManager(context, router, settings.swapHold(), deploy);
        // Mounted before any domain: once anything answers, the modules API and the route table do too. They live
        // in this bundle so that no domain can stop the means of starting it again.
        DomainContribution platformRoutes = DomainContribution.of("platform",
                List.of("/api/server/modules", "/api/server/routes"), new ModulesResource(manager),
                new RoutesResource(router));
        admin = mounter.mount(platformRoutes, context.getBundle().getSymbolicName())
                .orElseThrow(() -> new IllegalStateException("The platform routes could not be mounted"));
        holds = context.registerService(RouteHolds.class, new RouterRouteHolds(router), null);
        // Whatever is registered already is mounted before the first connection: mounted one by one while
        // listening, a request could reach a broader prefix (/api/plugins) before its narrower one (a plugin's).
        tracker = new ServiceTracker<>(context, DomainContribution.class, mounter);
        tracker.open();
        server.start();
        endpoint = context.registerService(HttpEndpoint.class, this, endpointProperties());
        readiness.open(STARTUP_GRACE);
    }

    /** Stops accepting first (requests in flight finish), then unmounts every domain, then withdraws itself. */
    @Deactivate
    void deactivate() throws Exception {
        readiness.close();
        holds.unregister();
        server.stop();
        tracker.close();
        router.unmount(admin);
        ServiceRegistration<HttpEndpoint> registration;
        synchronized (this) {
            registration = endpoint;
            endpoint = null;
        }
        registration.unregister();
    }

    /** The platform's meter registry, while the metrics bundle runs; the server works the same without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMeterRegistry(MeterRegistry registry) {
        meters.add(registry);
    }

    void unbindMeterRegistry(MeterRegistry registry) {
        meters.remove(registry);
    }

    /** The cluster's request counters, while the database is up: the rate limit then holds for all nodes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindRequestCounters(RequestCounters shared) {
        counters.set(shared);
    }

    void unbindRequestCounters(RequestCounters shared) {
        counters.compareAndSet(shared, null);
    }

    @Override
    public URI url() {
        return URI.create("http://" + settings.host() + ":" + settings.port());
    }

    @Override
    public boolean authRequired() {
        return settings.authToken().isPresent();
    }

    @Override
    public boolean ready() {
        return readiness.isReady();
    }

    private void startupOver() {
        router.ready();
        LOG.info("All routes are mounted");
        publishMounts();
    }

    private void publishMounts() {
        synchronized (this) {
            if (endpoint != null) {
                endpoint.setProperties(endpointProperties());
            }
        }
        readiness.check();
    }

    private Dictionary<String, Object> endpointProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("url", url().toString());
        properties.put("authRequired", authRequired());
        properties.put("ready", ready());
        List<String> mounts = router.mounts().stream()
                .flatMap(m -> m.prefixes().stream().map(p -> m.domain() + "=" + p)).sorted().toList();
        properties.put("mounts", mounts.toArray(String[]::new));
        return properties;
    }
}
