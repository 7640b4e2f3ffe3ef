package dev.eliza.memory.impl;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import org.apache.ibatis.session.SqlSessionFactory;

import dev.eliza.http.testing.ResourceSlice;
import dev.eliza.persistence.api.Migration;
import dev.eliza.persistence.impl.SharedTestDatabase;

/**
 * The memory domain over a real PostgreSQL (its table emptied for each fixture), a fixed clock, fake neighbours
 * and a real background worker, served by an HTTP slice exactly as the platform mounts it.
 */
final class MemoryFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-23T16:49:30Z");

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final FakeAgents agents = new FakeAgents();
    final FakeEmbeddings embedder = new FakeEmbeddings();
    final FakeRooms rooms = new FakeRooms();
    final ExecutorService pool = Executors.newFixedThreadPool(3);
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    volatile boolean embeddingsRunning = true;
    final SqlSessionFactory sessions;
    final MemoryStore store;
    final FlatIndex index;
    final EmbeddingWorker worker;
    final Memories memories;
    final ResourceSlice slice;

    MemoryFixture() throws Exception {
        this(ImportResource.DEFAULT_MAX);
    }

    MemoryFixture(int importMax) throws Exception {
        sessions = freshSessions();
        store = new MemoryStore(sessions);
        index = MemoryIndexes.load(store, pool, 2);
        worker = new EmbeddingWorker(store, index, this::embeddings, pool, 2, 100);
        memories = new Memories(store, index, worker, this::embeddings, new StatisticsRefresh(store, scheduler));
        slice = ResourceSlice.of(MemoryComponent.resources(agents, memories, store, () -> Optional.of(rooms),
                this::embeddings, clock, importMax).toArray());
    }

    private Optional<dev.eliza.models.api.AgentEmbeddings> embeddings() {
        return embeddingsRunning ? Optional.of(embedder) : Optional.empty();
    }

    /** A session factory over the shared database with the memories table migrated and empty. */
    static SqlSessionFactory freshSessions() throws Exception {
        SharedTestDatabase database = SharedTestDatabase.get();
        database.migrate("memory", migrations());
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE memories");
        }
        return database.sessionFactory(MemoryFixture.class.getClassLoader(), MemoryMapper.class,
                PgVectorMapper.class);
    }

    /** The domain's migrations as the bundle ships them. */
    static List<Migration> migrations() {
        return SharedTestDatabase.migrations(MemoryFixture.class.getClassLoader(), "db/memory", "create memories",
                "list order indexes");
    }

    /** Waits until {@code condition} holds, polling, or fails after thirty seconds (the machine is shared). */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Waits until nothing is left to embed and the index holds {@code vectors}: the worker commits a batch to
     * PostgreSQL before it indexes it, so an empty queue alone does not mean the index has caught up.
     */
    void awaitIndexed(int vectors) throws InterruptedException {
        await(vectors + " vectors indexed", () -> unembedded() == 0 && index.size() == vectors);
    }

    /** How many of the agent's memories have no embedding and no recorded failure yet. */
    long unembedded() {
        return store.read(m -> m.pending(100_000)).size();
    }

    @Override
    public void close() throws Exception {
        slice.close();
        pool.shutdownNow();
        scheduler.shutdownNow();
    }
}
