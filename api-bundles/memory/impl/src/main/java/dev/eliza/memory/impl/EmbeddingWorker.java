package dev.eliza.memory.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
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
    /** Memories embedded per transaction: one commit for several vectors. */
    static final int PER_TRANSACTION = 16;
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
    /**
     * Whether PostgreSQL may hold memories still to embed that the queue does not: at start (a crash), after a
     * wake (a pause), when the queue was full or a sweep filled it. The next drain that finds the queue empty then
     * looks; otherwise every memory to embed went through the queue, and it does not.
     */
    private final AtomicBoolean rescan = new AtomicBoolean(true);
    private int wakes;
    private boolean paused;

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
            rescan.set(true);
        }
        start();
    }

    /** Resumes after a pause and sweeps for memories still to embed. */
    void wake() {
        synchronized (this) {
            wakes++;
            paused = false;
        }
        rescan.set(true);
        start();
    }

    private synchronized boolean paused() {
        return paused;
    }

    private synchronized int wakes() {
        return wakes;
    }

    /** Pauses, unless a wake came since {@code seen}: a failure seen before a wake must not undo it. */
    private synchronized void pause(int seen) {
        if (wakes == seen) {
            paused = true;
        }
    }

    private void start() {
        while (!paused()) {
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
            boolean more = true;
            while (more && !paused()) {
                more = step(wakes());
            }
        } finally {
            active.decrementAndGet();
        }
        if (!paused() && (rescan.get() || !queue.isEmpty())) {
            start();
        }
    }

    /** Embeds some queued memories, or queues more from PostgreSQL; false when there is nothing to do or it paused. */
    private boolean step(int seen) {
        try {
            List<UUID> ids = new ArrayList<>(PER_TRANSACTION);
            queue.drainTo(ids, PER_TRANSACTION);
            if (ids.isEmpty()) {
                return rescan.getAndSet(false) && refill();
            }
            try {
                return embedAll(ids, seen);
            } finally {
                ids.forEach(pending::remove);
            }
        } catch (RuntimeException e) {
            // The database is down or a statement failed: the rows stay unembedded for a later sweep.
            LOG.warn("Embedding memories stopped: {}", e.toString());
            pause(seen);
            return false;
        }
    }

    /** Queues memories still to embed that nobody has in hand; false when there are none. */
    private boolean refill() {
        synchronized (sweep) {
            int asked = BATCH + pending.size();
            List<PendingRow> rows = store.read(m -> m.pending(asked));
            if (rows.size() == asked) {
                rescan.set(true);
            }
            boolean queued = false;
            for (PendingRow row : rows) {
                if (pending.add(row.id())) {
                    if (queue.offer(row.id())) {
                        queued = true;
                    } else {
                        pending.remove(row.id());
                        rescan.set(true);
                        break;
                    }
                }
            }
            return queued;
        }
    }

    /**
     * Embeds those of the memories that still need it and stores their vectors in one transaction; false when no
     * embedder can work now (the worker pauses and the rest wait in PostgreSQL).
     */
    private boolean embedAll(List<UUID> ids, int seen) {
        List<PendingRow> rows = store.read(m -> m.pendingAmong(ids));
        Optional<AgentEmbeddings> embedder = embeddings.get();
        if (rows.isEmpty()) {
            return true;
        }
        if (embedder.isEmpty()) {
            pause(seen);
            return false;
        }
        List<Made> made = new ArrayList<>(rows.size());
        boolean more = true;
        for (PendingRow row : rows) {
            try {
                made.add(new Made(row, embedder.get().embed(row.agentId(), row.text() == null ? "" : row.text())));
            } catch (NoSuchElementException e) {
                giveUp(row, "no such agent");
            } catch (ModelProviderException e) {
                if (e.retryable()) {
                    LOG.info("Embedding paused, the provider cannot embed now: {}", e.getMessage());
                    pause(seen);
                    more = false;
                    break;
                }
                giveUp(row, e.getMessage());
            }
        }
        if (!made.isEmpty()) {
            List<Made> stored = store.write(m -> {
                m.relaxCommit();
                return made.stream().filter(x -> m.embedded(x.row().id(), x.row().text(),
                        Vectors.encode(x.embedding().vector()), x.embedding().model(),
                        x.embedding().dimensions()) == 1).toList();
            });
            index.putAll(stored.stream().map(x -> new VectorIndex.Entry(x.row().agentId(), x.row().id(),
                    x.row().roomId(), x.embedding().model(), x.embedding().vector())).toList());
        }
        return more;
    }

    /** A memory and the embedding just made of its text. */
    private record Made(PendingRow row, Embedding embedding) {
    }

    private void giveUp(PendingRow row, String reason) {
        LOG.warn("Memory {} will not be embedded: {}", row.id(), reason);
        store.write(m -> m.failed(row.id(), row.text(), reason == null ? "refused" : reason));
    }
}
