package dev.eliza.memory.impl;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.persistence.api.Cluster;

/**
 * An in-memory index kept the same on every node: what this node files or forgets is told to the others through
 * the cluster's {@code memory} topic (the vector travels with it, so no node reads it back), and what they tell is
 * applied here. When messages may have been lost the index is rebuilt from PostgreSQL and swapped in, with the
 * changes made during the rebuild replayed on it.
 */
final class ClusterIndex implements VectorIndex, Cluster.ClusterListener {
    static final String TOPIC = "memory";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterIndex.class);

    private final Cluster cluster;
    private final Supplier<VectorIndex> rebuild;
    private final Executor executor;
    private final Object swap = new Object();
    private volatile VectorIndex local;
    private List<Consumer<VectorIndex>> duringRebuild;

    ClusterIndex(Cluster cluster, VectorIndex local, Supplier<VectorIndex> rebuild, Executor executor) {
        this.cluster = cluster;
        this.local = local;
        this.rebuild = rebuild;
        this.executor = executor;
    }

    @Override
    public String name() {
        return local.name();
    }

    @Override
    public void put(UUID agentId, UUID id, UUID roomId, String model, float[] vector) {
        apply(index -> index.put(agentId, id, roomId, model, vector));
        cluster.publish(TOPIC, String.join("\t", "put", agentId.toString(), id.toString(),
                roomId.toString(), model,
                Base64.getEncoder().encodeToString(Vectors.encode(vector))));
    }

    @Override
    public void remove(UUID agentId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        apply(index -> index.remove(agentId, ids));
        cluster.publish(TOPIC, String.join("\t", "remove", agentId.toString(),
                ids.stream().map(UUID::toString).collect(Collectors.joining(","))));
    }

    @Override
    public Set<String> models(UUID agentId) {
        return local.models(agentId);
    }

    @Override
    public List<Hit> search(UUID agentId, String model, float[] query, Optional<UUID> roomId, int limit,
                            double threshold) {
        return local.search(agentId, model, query, roomId, limit, threshold);
    }

    @Override
    public void received(String origin, String payload) {
        String[] parts = payload.split("\t", -1);
        try {
            if (parts.length == 6 && parts[0].equals("put")) {
                UUID room = UUID.fromString(parts[3]);
                float[] vector = Vectors.decode(Base64.getDecoder().decode(parts[5]));
                apply(index -> index.put(UUID.fromString(parts[1]), UUID.fromString(parts[2]), room, parts[4],
                        vector));
            } else if (parts.length == 3 && parts[0].equals("remove")) {
                List<UUID> ids = new ArrayList<>();
                for (String id : parts[2].split(",")) {
                    ids.add(UUID.fromString(id));
                }
                apply(index -> index.remove(UUID.fromString(parts[1]), ids));
            } else {
                LOG.warn("Ignored a memory index message of node {} ({} fields)", origin, parts.length);
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignored a malformed memory index message of node {}: {}", origin, e.getMessage());
        }
    }

    @Override
    public void resync() {
        executor.execute(this::rebuild);
    }

    /** Loads the index again from PostgreSQL and swaps it in, with what changed meanwhile applied to it too. */
    void rebuild() {
        synchronized (swap) {
            if (duringRebuild != null) {
                return;
            }
            duringRebuild = new ArrayList<>();
        }
        VectorIndex fresh;
        try {
            fresh = rebuild.get();
        } catch (RuntimeException e) {
            LOG.warn("Rebuilding the memory index failed; it keeps what it had: {}", e.getMessage());
            synchronized (swap) {
                duringRebuild = null;
            }
            return;
        }
        synchronized (swap) {
            duringRebuild.forEach(change -> change.accept(fresh));
            duringRebuild = null;
            local = fresh;
        }
        LOG.info("Memory index rebuilt from PostgreSQL after the cluster connection came back");
    }

    private void apply(Consumer<VectorIndex> change) {
        synchronized (swap) {
            change.accept(local);
            if (duringRebuild != null) {
                duringRebuild.add(change);
            }
        }
    }
}
