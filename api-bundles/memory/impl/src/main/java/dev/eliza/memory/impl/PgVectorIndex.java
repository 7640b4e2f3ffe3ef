package dev.eliza.memory.impl;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The index used when PostgreSQL has pgvector: vectors copied into a {@code vector} column and searched by HNSW
 * ({@link PgVectorMapper}), so nothing is held in this process and every node shares one index.
 */
final class PgVectorIndex implements VectorIndex {
    static final String NAME = "pgvector";
    private static final int BACKFILL = 1000;
    static final int PUT_BATCH = 200;

    private final SqlSessionFactory sessions;
    private final Set<Integer> indexed = ConcurrentHashMap.newKeySet();

    private PgVectorIndex(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * The pgvector index when the server offers the extension and it can be created, with every stored vector
     * copied into its column; empty otherwise (no extension, or no right to create it).
     */
    static Optional<PgVectorIndex> open(SqlSessionFactory sessions) {
        PgVectorIndex index = new PgVectorIndex(sessions);
        if (!index.call(PgVectorMapper::available)) {
            return Optional.empty();
        }
        index.call(m -> {
            m.createExtension();
            m.addColumn();
            m.createModelsIndex();
            return null;
        });
        index.call(PgVectorMapper::dimensions).forEach(index::ensureIndex);
        List<VectorRow> missing;
        while (!(missing = index.call(m -> m.missing(BACKFILL))).isEmpty()) {
            index.putAll(missing.stream().map(row -> new Entry(row.agentId(), row.id(), row.roomId(),
                    row.embeddingModel(), Vectors.decode(row.embedding()))).toList());
        }
        return Optional.of(index);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void put(UUID agentId, UUID id, UUID roomId, String model, float[] vector) {
        ensureIndex(vector.length);
        call(m -> m.setVector(id, literal(vector)));
    }

    /** One UPDATE per {@value #PUT_BATCH} vectors: one per vector made an import into pgvector crawl. */
    @Override
    public void putAll(List<Entry> entries) {
        entries.stream().mapToInt(e -> e.vector().length).distinct().forEach(this::ensureIndex);
        for (int from = 0; from < entries.size(); from += PUT_BATCH) {
            List<PgVectorMapper.VectorUpdate> batch = entries.subList(from, Math.min(entries.size(), from + PUT_BATCH))
                    .stream().map(e -> new PgVectorMapper.VectorUpdate(e.id(), literal(e.vector()))).toList();
            call(m -> m.setVectors(batch));
        }
    }

    @Override
    public void remove(UUID agentId, Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            call(m -> m.clearVectors(ids));
        }
    }

    @Override
    public Set<String> models(UUID agentId) {
        return Set.copyOf(call(m -> m.models(agentId)));
    }

    @Override
    public List<Hit> search(UUID agentId, String model, float[] query, Optional<UUID> roomId, int limit,
                            double threshold) {
        String vector = literal(query);
        return call(m -> {
            // HNSW returns ef_search candidates before the filters: keep it above the limit asked for.
            m.efSearch(Math.max(40, Math.min(1000, limit * 4)));
            return m.search(agentId, model, query.length, vector, roomId.orElse(null), limit);
        }).stream().filter(row -> row.similarity() >= threshold)
                .map(row -> new Hit(row.id(), row.similarity())).toList();
    }

    private void ensureIndex(int dims) {
        if (indexed.add(dims)) {
            call(m -> {
                m.createIndex(dims);
                return null;
            });
        }
    }

    /** pgvector's text form, {@code [x,y,…]}. */
    static String literal(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 10).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }

    private <T> T call(Function<PgVectorMapper, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session.getMapper(PgVectorMapper.class));
            session.commit(true);
            return result;
        }
    }
}
