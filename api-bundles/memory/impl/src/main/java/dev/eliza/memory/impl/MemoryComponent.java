package dev.eliza.memory.impl;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.events.api.AgentDeletedEvent;
import dev.eliza.events.api.PlatformEvent;
import dev.eliza.events.api.PlatformEventListener;
import dev.eliza.http.api.DomainContribution;
import dev.eliza.memory.api.AgentMemories;
import dev.eliza.memory.api.Memory;
import dev.eliza.memory.api.RecalledMemory;
import dev.eliza.models.api.AgentEmbeddings;
import dev.eliza.persistence.api.Cluster;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;
import dev.eliza.rooms.api.AgentRooms;

/**
 * The memory domain: registers {@link AgentMemories} and mounts its routes ({@code /api/memory/…}, and under
 * {@code /api/agents/:id/} as 1.7.2 does). The embedder and the rooms are optional: without the runtime's
 * {@link AgentEmbeddings} memories are stored and embedded once it comes, searches answer 503; without
 * {@link AgentRooms} a channel id maps to the room id ElizaOS derives. The memories of a deleted agent are dropped
 * when its deletion is announced, and at activation for agents deleted while the domain was away.
 */
@Component(service = {AgentMemories.class, DomainContribution.class, PlatformEventListener.class})
public final class MemoryComponent implements AgentMemories, DomainContribution, PlatformEventListener {
    static final String IMPORT_MAX_KEY = "MEMORY_IMPORT_MAX_MEMORIES";
    static final String WORKERS_KEY = "MEMORY_EMBED_WORKERS";
    static final int QUEUE = 10_000;
    /** How often a paused worker tries again (the provider may be back) and sweeps for unembedded memories. */
    static final long RETRY_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(MemoryComponent.class);

    private final ExecutorService embedPool;
    private final ExecutorService searchPool;
    private final ScheduledExecutorService ticker;
    private final Memories memories;
    private final EmbeddingWorker worker;
    private final Set<Object> resources;
    private volatile AgentEmbeddings embeddings;
    private volatile AgentRooms rooms;
    private AutoCloseable subscription;

    @Activate
    public MemoryComponent(@Reference Database database, @Reference Cluster cluster, @Reference AgentDirectory agents,
                           BundleContext context) {
        database.migrate("memory", Migration.scan(context.getBundle(), "db/memory"));
        SqlSessionFactory sessions = database.sessionFactory(
                context.getBundle().adapt(BundleWiring.class).getClassLoader(), MemoryMapper.class,
                PgVectorMapper.class);
        MemoryStore store = new MemoryStore(sessions);
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = setting(context, WORKERS_KEY, Math.max(1, cores));
        embedPool = Executors.newFixedThreadPool(workers, daemon("memory-embed"));
        searchPool = Executors.newFixedThreadPool(Math.max(1, cores - 1), daemon("memory-search"));
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("memory-retry"));
        VectorIndex index = clustered(cluster, MemoryIndexes.open(sessions, store, searchPool, cores),
                () -> MemoryIndexes.load(store, searchPool, cores));
        Supplier<Optional<AgentEmbeddings>> embedder = () -> Optional.ofNullable(embeddings);
        worker = new EmbeddingWorker(store, index, embedder, embedPool, workers, QUEUE);
        memories = new Memories(store, index, worker, embedder, new StatisticsRefresh(store, ticker));
        resources = resources(agents, memories, store, () -> Optional.ofNullable(rooms), embedder,
                Clock.systemUTC(), setting(context, IMPORT_MAX_KEY, ImportResource.DEFAULT_MAX));
        ticker.scheduleWithFixedDelay(worker::wake, 0, RETRY_SECONDS, TimeUnit.SECONDS);
        ticker.execute(() -> sweep(agents));
    }

    /** An in-memory index is kept the same on every node; pgvector's lives in PostgreSQL, shared already. */
    private VectorIndex clustered(Cluster cluster, VectorIndex index, Supplier<VectorIndex> rebuild) {
        if (!(index instanceof FlatIndex)) {
            return index;
        }
        ClusterIndex shared = new ClusterIndex(cluster, index, rebuild, ticker);
        subscription = cluster.subscribe(ClusterIndex.TOPIC, shared);
        return shared;
    }

    private void sweep(AgentDirectory agents) {
        try {
            memories.clearAgentsGone(id -> agents.find(id).isPresent());
        } catch (RuntimeException e) {
            LOG.warn("Could not look for memories of deleted agents; they stay hidden until the next start", e);
        }
    }

    /** The JAX-RS resources of the memory routes. */
    static Set<Object> resources(AgentDirectory agents, Memories memories, MemoryStore store,
                                 Supplier<Optional<AgentRooms>> rooms, Supplier<Optional<AgentEmbeddings>> embedder,
                                 Clock clock, int importMax) {
        MemoryBodies bodies = new MemoryBodies(clock);
        return Set.of(new MemoryResource(agents, memories, rooms, bodies),
                new AgentMemoryResource(agents, memories, rooms, bodies), new GroupMemoriesResource(memories, rooms),
                new AnalyticsResource(agents, store), new ExportResource(agents, store, clock),
                new ImportResource(agents, memories, bodies, embedder, importMax));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEmbeddings(AgentEmbeddings service) {
        this.embeddings = service;
        if (worker != null) {
            worker.wake();
        }
    }

    void unbindEmbeddings(AgentEmbeddings service) {
        if (this.embeddings == service) {
            this.embeddings = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindRooms(AgentRooms service) {
        this.rooms = service;
    }

    void unbindRooms(AgentRooms service) {
        if (this.rooms == service) {
            this.rooms = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Closing the memory index subscription failed: {}", e.getMessage());
            }
        }
        ticker.shutdownNow();
        embedPool.shutdownNow();
        searchPool.shutdownNow();
    }

    @Override
    public Memory remember(Memory memory) {
        return memories.remember(memory);
    }

    @Override
    public List<RecalledMemory> recall(UUID agentId, Optional<UUID> roomId, String text, int limit,
                                       double threshold) {
        return memories.recall(agentId, roomId, text, limit, threshold);
    }

    @Override
    public List<RecalledMemory> recall(UUID agentId, Optional<UUID> roomId, String text, int limit,
                                       double threshold, Set<UUID> leftOut) {
        return memories.recall(agentId, roomId, text, limit, threshold, leftOut);
    }

    @Override
    public String searchIndex() {
        return memories.searchIndex();
    }

    @Override
    public int forgetRooms(Collection<UUID> roomIds) {
        return memories.forgetRooms(roomIds);
    }

    /** A deleted agent's memories go with it, so an agent created again with its id remembers nothing. */
    @Override
    public void on(PlatformEvent event) {
        if (event instanceof AgentDeletedEvent deleted) {
            memories.clear(deleted.agentId());
        }
    }

    @Override
    public String domain() {
        return "memory";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/memory", "/api/memory/*/rooms/*/memories", "/api/memory/groups/*/memories",
                "/api/agents/*/memories", "/api/agents/*/rooms/*/memories");
    }

    @Override
    public Set<Object> resources() {
        return resources;
    }

    private static int setting(BundleContext context, String key, int fallback) {
        String value = context.getProperty(key);
        return value != null && value.matches("\\d{1,6}") && Integer.parseInt(value) > 0 ? Integer.parseInt(value)
                : fallback;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
