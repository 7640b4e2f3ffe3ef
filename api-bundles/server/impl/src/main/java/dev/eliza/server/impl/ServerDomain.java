package dev.eliza.server.impl;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.memory.api.AgentMemories;
import dev.eliza.http.api.DomainContribution;
import dev.eliza.http.api.HttpEndpoint;
import dev.eliza.persistence.api.Database;
import dev.eliza.platform.logging.LogBuffer;

/**
 * The server domain: {@code /api/server}, {@code /api/system}, the root health routes and the short aliases.
 * The agents domain and the database are optional, so swapping them never restarts this domain; their absence
 * shows in the health answers instead.
 */
@Component(service = DomainContribution.class)
public final class ServerDomain implements DomainContribution, PlatformState {
    private static final Logger LOG = LoggerFactory.getLogger(ServerDomain.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AgentDirectory agents;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AgentMemories memories;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LogBuffer logBuffer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HttpEndpoint http;

    private final BundleContext context;
    private final boolean authRequired;
    private final Instant startedAt;
    private final Set<Object> resources;
    private final Map<String, Filter> filters;

    @Activate
    public ServerDomain(BundleContext context) {
        this.context = context;
        this.authRequired = Optional.ofNullable(context.getProperty("ELIZA_SERVER_AUTH_TOKEN"))
                .filter(token -> !token.isBlank()).isPresent();
        this.startedAt = Instant.now();
        Path home = Path.of(Optional.ofNullable(context.getProperty("ELIZA_HOME")).orElse("."));
        HealthReports reports = new HealthReports(this, Clock.systemUTC());
        ServerResource server = new ServerResource(reports, this);
        SystemResource system = new SystemResource(reports, this, new LocalEnvFile(home.resolve("conf/local.env")),
                Optional.ofNullable(context.getProperty("ELIZA_ENV")).orElse("production"));
        this.resources = Set.of(server, system, new LogsResource(this), new RootHealthResource(reports),
                new ApiAliasesResource(server, system));
        this.filters = Map.of(PingFilter.PATH, new PingFilter(reports));
    }

    @Override
    public String domain() {
        return "server";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/server", "/api/system", "/healthz", "/health", "/api/ping", "/api/health",
                "/api/status", "/api/version", "/api/config", "/api/env", "/api/stop");
    }

    /** Load balancers and orchestrators probe these without credentials, as in ElizaOS. */
    @Override
    public List<String> publicPrefixes() {
        return List.of("/healthz", "/health");
    }

    @Override
    public Set<Object> resources() {
        return resources;
    }

    @Override
    public Map<String, Filter> filters() {
        return filters;
    }

    @Override
    public Optional<String> memorySearchIndex() {
        return Optional.ofNullable(memories).map(AgentMemories::searchIndex);
    }

    @Override
    public Optional<Long> agentCount() {
        AgentDirectory directory = agents;
        if (directory == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(directory.count());
        } catch (RuntimeException e) {
            LOG.warn("Counting agents failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public boolean databaseHealthy() {
        Database db = database;
        return db != null && db.isHealthy();
    }

    @Override
    public boolean routesReady() {
        HttpEndpoint endpoint = http;
        return endpoint != null && endpoint.ready();
    }

    @Override
    public boolean authRequired() {
        return authRequired;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public String serverVersion() {
        return context.getBundle().getVersion().toString();
    }

    @Override
    public Optional<LogBuffer> logs() {
        return Optional.ofNullable(logBuffer);
    }

    @Override
    public void stopPlatform() {
        LOG.info("Stop requested through the API");
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(200);
                context.getBundle(0).stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BundleException e) {
                LOG.error("Could not stop the platform", e);
            }
        }, "api-stop");
        stopper.setDaemon(true);
        stopper.start();
    }
}
