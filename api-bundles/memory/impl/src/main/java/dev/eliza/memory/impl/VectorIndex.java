package dev.eliza.memory.impl;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where similarity searches run: an exact in-memory scan ({@link FlatIndex}) or pgvector's HNSW
 * ({@link PgVectorIndex}), chosen at start. PostgreSQL holds every vector either way; an index only answers.
 */
interface VectorIndex {

    /** A found memory and its cosine similarity to the query. */
    record Hit(UUID id, double similarity) {
    }

    /** {@code in-memory} or {@code pgvector}, as the health report shows it. */
    String name();

    /** Files (or replaces) a memory's vector, stored already in PostgreSQL under {@code model}. */
    void put(UUID agentId, UUID id, UUID roomId, String model, float[] vector);

    /** A memory's vector to file, as {@link #put} takes it. */
    record Entry(UUID agentId, UUID id, UUID roomId, String model, float[] vector) {
    }

    /** Files many vectors, as {@link #put} each; an index that can do it in fewer round trips does. */
    default void putAll(List<Entry> entries) {
        entries.forEach(e -> put(e.agentId(), e.id(), e.roomId(), e.model(), e.vector()));
    }

    /** Forgets these memories of the agent (deleted, or re-embedding after a change of text). */
    void remove(UUID agentId, Collection<UUID> ids);

    /** The embedding models the agent's vectors come from; empty when it has none. */
    Set<String> models(UUID agentId);

    /**
     * The agent's memories embedded by {@code model} most similar to {@code query}, best first: at most
     * {@code limit}, none below {@code threshold}, only those of {@code roomId} when given.
     */
    List<Hit> search(UUID agentId, String model, float[] query, Optional<UUID> roomId, int limit, double threshold);
}
