package dev.eliza.memory.impl;

import java.util.concurrent.Executor;

import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides at start where searches run, and builds that index from what PostgreSQL holds. */
final class MemoryIndexes {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryIndexes.class);

    private MemoryIndexes() {
    }

    /** pgvector when the database offers it, else the in-memory index loaded from every stored vector. */
    static VectorIndex open(SqlSessionFactory sessions, MemoryStore store, Executor searchPool, int parts) {
        long started = System.nanoTime();
        try {
            var pgvector = PgVectorIndex.open(sessions);
            if (pgvector.isPresent()) {
                LOG.info("Memory search uses pgvector (HNSW), ready in {} ms", (System.nanoTime() - started)
                        / 1_000_000);
                return pgvector.get();
            }
        } catch (RuntimeException e) {
            // Offered but not creatable here (no right to CREATE EXTENSION): the in-memory index still works.
            LOG.warn("pgvector is offered but cannot be used ({}); memory search uses the in-memory index",
                    e.getMessage());
        }
        FlatIndex index = load(store, searchPool, parts);
        LOG.info("Memory index (in-memory) rebuilt from PostgreSQL: {} vectors in {} ms", index.size(),
                (System.nanoTime() - started) / 1_000_000);
        long bytes = index.bytes();
        if (bytes > Runtime.getRuntime().maxMemory() / 2) {
            LOG.warn("The in-memory memory index holds {} MB of vectors, over half the heap ({} MB): raise -Xmx"
                    + " (JAVA_OPTS) or use a PostgreSQL with pgvector", bytes >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        return index;
    }

    /** An in-memory index holding every vector PostgreSQL stores. */
    static FlatIndex load(MemoryStore store, Executor searchPool, int parts) {
        FlatIndex index = new FlatIndex(searchPool, parts);
        store.vectors(row -> index.put(row.agentId(), row.id(), row.roomId(), row.embeddingModel(),
                Vectors.decode(row.embedding())));
        return index;
    }
}
