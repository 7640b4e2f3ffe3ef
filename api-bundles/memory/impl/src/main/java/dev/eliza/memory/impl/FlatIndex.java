package dev.eliza.memory.impl;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The exact in-memory index used when PostgreSQL has no pgvector: every agent's unit vectors per embedding model,
 * loaded from PostgreSQL at start and kept in step by every write, searched by a full scan split across the cores.
 */
final class FlatIndex implements VectorIndex {
    static final String NAME = "in-memory";

    private final Map<UUID, Map<String, FlatSegment>> agents = new ConcurrentHashMap<>();
    private final Executor pool;
    private final int parts;

    /** An empty index whose scans run in {@code parts} pieces, the others on {@code pool}. */
    FlatIndex(Executor pool, int parts) {
        this.pool = pool;
        this.parts = parts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void put(UUID agentId, UUID id, UUID roomId, String model, float[] vector) {
        Map<String, FlatSegment> segments = agents.computeIfAbsent(agentId, a -> new ConcurrentHashMap<>());
        // A memory re-embedded by another model must not stay findable under the old one.
        segments.forEach((other, segment) -> {
            if (!other.equals(model)) {
                segment.remove(id);
            }
        });
        FlatSegment segment = segments.computeIfAbsent(model, m -> new FlatSegment(vector.length));
        if (segment.dims() != vector.length) {
            throw new IllegalArgumentException("model " + model + " gave " + vector.length + " dimensions, not "
                    + segment.dims());
        }
        segment.put(id, roomId, Vectors.normalized(vector));
    }

    @Override
    public void remove(UUID agentId, Collection<UUID> ids) {
        Map<String, FlatSegment> segments = agents.get(agentId);
        if (segments != null) {
            segments.values().forEach(segment -> ids.forEach(segment::remove));
        }
    }

    @Override
    public Set<String> models(UUID agentId) {
        Map<String, FlatSegment> segments = agents.get(agentId);
        if (segments == null) {
            return Set.of();
        }
        return segments.entrySet().stream().filter(e -> e.getValue().size() > 0).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public List<Hit> search(UUID agentId, String model, float[] query, Optional<UUID> roomId, int limit,
                            double threshold) {
        FlatSegment segment = agents.getOrDefault(agentId, Map.of()).get(model);
        if (segment == null || segment.dims() != query.length) {
            return List.of();
        }
        return segment.search(Vectors.normalized(query), roomId, limit, threshold, pool, parts);
    }

    /** The bytes the vectors take (4 per dimension), for the heap warning at start. */
    long bytes() {
        return agents.values().stream().flatMap(s -> s.values().stream())
                .mapToLong(segment -> (long) segment.size() * segment.dims() * Float.BYTES).sum();
    }

    /** How many vectors the index holds, for the rebuild's log line. */
    long size() {
        return agents.values().stream().flatMap(s -> s.values().stream()).mapToLong(FlatSegment::size).sum();
    }
}
