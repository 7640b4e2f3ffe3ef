package dev.eliza.memory.impl;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.models.api.AgentEmbeddings;
import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProviderException;

/**
 * Embeds memories in the background, at most {@code workers} at a time on the given executor. Ids wait in a bounded
 * queue; when it is full, or empty, the worker looks in PostgreSQL for every memory whose embedding is missing, so
 * a full queue or a crash loses nothing. When no embedder can work now (the runtime is absent, the provider is
 * down) the worker pauses until {@link #wake()}; a memory the provider refuses for good is marked and left.
 */
final class EmbeddingWorker {
    static final int BATCH = 256;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingWorker.class);

    private final MemoryStore store;
    private final VectorIndex index;
    private final Supplier<Optional<AgentEmbeddings>> embeddings;
    private final Executor executor;
    private final int workers;
    private final BlockingQueue<UUID> queue;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private final Object sweep = new Object();
    private volatile boolean paused;

    EmbeddingWorker(MemoryStore store, VectorIndex index, Supplier<Optional<AgentEmbeddings>> embeddings,
                    Executor executor, int workers, int capacity) {
        this.store = store;
        this.index = index;
        this.embeddings = embeddings;
        this.executor = executor;
        this.workers = workers;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues a stored memory for embedding (a full queue leaves it to the next sweep). */
    void submit(UUID id) {
        if (pending.add(id) && !queue.offer(id)) {
            pending.remove(id);
        }
        start();
    }

    /** Resumes after a pause and sweeps for memories still to embed. */
    void wake() {
        paused = false;
        start();
    }

    private void start() {
        while (!paused) {
            int running = active.get();
            if (running >= workers) {
                return;
            }
            if (active.compareAndSet(running, running + 1)) {
                executor.execute(this::drain);
                return;
            }
        }
    }

    private void drain() {
        try {
            while (!paused) {
                UUID id = queue.poll();
                if (id == null) {
                    if (!refill()) {
                        break;
                    }
                    continue;
                }
                try {
                    process(id);
                } finally {
                    pending.remove(id);
                }
            }
        } catch (RuntimeException e) {
            // The database is down or the statement failed: the rows stay unembedded for a later sweep.
            LOG.warn("Embedding memories stopped: {}", e.toString());
            paused = true;
        } finally {
            active.decrementAndGet();
        }
        if (!paused && !queue.isEmpty()) {
            start();
        }
    }

    /** Queues memories still to embed that nobody has in hand; false when there are none. */
    private boolean refill() {
        synchronized (sweep) {
            List<PendingRow> rows = store.read(m -> m.pending(BATCH + pending.size()));
            boolean queued = false;
            for (PendingRow row : rows) {
                if (pending.add(row.id())) {
                    if (queue.offer(row.id())) {
                        queued = true;
                    } else {
                        pending.remove(row.id());
                        break;
                    }
                }
            }
            return queued;
        }
    }

    private void process(UUID id) {
        PendingRow row = store.read(m -> m.pendingOne(id));
        if (row == null) {
            return;
        }
        Optional<AgentEmbeddings> embedder = embeddings.get();
        if (embedder.isEmpty()) {
            paused = true;
            return;
        }
        String text = row.text() == null ? "" : row.text();
        Embedding embedding;
        try {
            embedding = embedder.get().embed(row.agentId(), text);
        } catch (NoSuchElementException e) {
            giveUp(row, text, "no such agent");
            return;
        } catch (ModelProviderException e) {
            if (e.retryable()) {
                LOG.info("Embedding paused, the provider cannot embed now: {}", e.getMessage());
                paused = true;
            } else {
                giveUp(row, text, e.getMessage());
            }
            return;
        }
        byte[] bytes = Vectors.encode(embedding.vector());
        int stored = store.write(m -> m.embedded(id, row.text(), bytes, embedding.model(), embedding.dimensions()));
        if (stored == 1) {
            index.put(row.agentId(), id, row.roomId(), embedding.model(), embedding.vector());
        }
    }

    private void giveUp(PendingRow row, String text, String reason) {
        LOG.warn("Memory {} will not be embedded: {}", row.id(), reason);
        store.write(m -> m.failed(row.id(), row.text(), reason == null ? "refused" : reason));
    }
}
