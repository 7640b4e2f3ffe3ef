package dev.eliza.apidocs;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.eliza.http.api.DomainContribution;
import dev.eliza.realtime.api.RealtimeEventHandler;

/**
 * The contributions and Socket.IO handlers registered now (the same services the HTTP and realtime bundles
 * serve), and the documents built from them. A document is built when asked for and kept until the set of
 * services changes.
 *
 * <p>It registers the contribution that serves the documents itself, while it is active: as a component of its own,
 * that contribution would need the catalogue while the catalogue tracks it, a cycle after which Declarative
 * Services leaves it out of the catalogue.
 */
@Component(immediate = true, service = {})
public final class ApiCatalogue {
    private final Set<DomainContribution> contributions = ConcurrentHashMap.newKeySet();
    private final Set<RealtimeEventHandler> handlers = ConcurrentHashMap.newKeySet();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Built> openApi = new AtomicReference<>(new Built(-1, ""));
    private final OpenApiBuilder openApiBuilder;
    private final AsyncApiBuilder asyncApiBuilder;
    private ServiceRegistration<DomainContribution> registration;

    @Activate
    public ApiCatalogue(BundleContext context) {
        this(context.getBundle().getVersion().toString());
        registration = context.registerService(DomainContribution.class, new ApiDocsContribution(this), null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    ApiCatalogue(String version) {
        this.openApiBuilder = new OpenApiBuilder(version);
        this.asyncApiBuilder = new AsyncApiBuilder(version);
    }

    private record Built(long generation, String json) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addContribution(DomainContribution contribution) {
        contributions.add(contribution);
        generation.incrementAndGet();
    }

    void removeContribution(DomainContribution contribution) {
        contributions.remove(contribution);
        generation.incrementAndGet();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addHandler(RealtimeEventHandler handler) {
        handlers.add(handler);
    }

    void removeHandler(RealtimeEventHandler handler) {
        handlers.remove(handler);
    }

    /** The OpenAPI 3.1 document of the contributions registered now, as JSON. */
    public String openApi() {
        Built cached = openApi.get();
        long current = generation.get();
        if (cached.generation() == current) {
            return cached.json();
        }
        // Built from a snapshot taken after reading the generation: a change meanwhile bumps it, so a stale
        // document is never kept as current.
        Built fresh = new Built(current, openApiBuilder.json(List.copyOf(contributions)));
        openApi.compareAndSet(cached, fresh);
        return fresh.json();
    }

    /** The AsyncAPI 3.0 document of the Socket.IO events, with the client events handled now, as JSON. */
    public String asyncApi() {
        List<String> events = handlers.stream().map(RealtimeEventHandler::event).distinct().toList();
        return asyncApiBuilder.build(events).toPrettyString();
    }
}
