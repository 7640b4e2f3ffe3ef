package dev.eliza.memory.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.memory.api.AgentMemories;
import dev.eliza.memory.api.Memory;
import dev.eliza.memory.api.RecalledMemory;
import dev.eliza.models.api.AgentEmbeddings;
import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProviderException;

/**
 * The memory domain's operations: PostgreSQL holds every memory and vector, the index answers similarity
 * searches, and the worker embeds what is written. Every write reaches the index after PostgreSQL, and a search
 * reads its hits back from PostgreSQL, so a memory deleted meanwhile is never served.
 */
final class Memories implements AgentMemories {
    /** ElizaOS's memory type of documents, cleared with messages when a room is cleared (as 1.7.2 does). */
    static final String DOCUMENTS = "documents";

    private final MemoryStore store;
    private final VectorIndex index;
    private final EmbeddingWorker worker;
    private final Supplier<Optional<AgentEmbeddings>> embeddings;
    private final StatisticsRefresh statistics;

    Memories(MemoryStore store, VectorIndex index, EmbeddingWorker worker,
             Supplier<Optional<AgentEmbeddings>> embeddings, StatisticsRefresh statistics) {
        this.store = store;
        this.index = index;
        this.worker = worker;
        this.embeddings = embeddings;
        this.statistics = statistics;
    }

    @Override
    public Memory remember(Memory memory) {
        if (store.insert(memory, Optional.empty())) {
            worker.submit(memory.id());
            return memory;
        }
        return store.find(memory.id(), false).map(Stored::memory).orElse(memory);
    }

    @Override
    public List<RecalledMemory> recall(UUID agentId, Optional<UUID> roomId, String text, int limit,
                                       double threshold) {
        return recall(agentId, roomId, text, limit, threshold, Set.of());
    }

    /** The index's best hits but {@code leftOut}, and only those read back from PostgreSQL. */
    @Override
    public List<RecalledMemory> recall(UUID agentId, Optional<UUID> roomId, String text, int limit,
                                       double threshold, Set<UUID> leftOut) {
        Set<String> models = index.models(agentId);
        if (models.isEmpty() || limit <= 0) {
            return List.of();
        }
        AgentEmbeddings embedder = embeddings.get().orElseThrow(() -> new ModelProviderException(
                "No embedding service is running (the agent runtime is stopped)", true));
        Embedding query = embedder.embed(agentId, text);
        if (!models.contains(query.model())) {
            throw new ModelMismatchException(query.model(), models);
        }
        List<RecalledMemory> recalled = new ArrayList<>();
        // A worker that indexed a batch just after a delete removed it leaves a vector with no memory behind: such
        // hits are dropped from the index and the search made again, once (a second one is as rare as the first).
        for (int attempt = 0; attempt < 2; attempt++) {
            List<VectorIndex.Hit> hits = index.search(agentId, query.model(), query.vector(), roomId,
                    limit + leftOut.size(), threshold).stream().filter(hit -> !leftOut.contains(hit.id()))
                    .limit(limit).toList();
            Map<UUID, Stored> found = store.findAll(hits.stream().map(VectorIndex.Hit::id).toList(), false);
            recalled.clear();
            List<UUID> gone = new ArrayList<>();
            for (VectorIndex.Hit hit : hits) {
                Stored stored = found.get(hit.id());
                if (stored == null) {
                    gone.add(hit.id());
                } else if (stored.memory().agentId().equals(agentId)) {
                    recalled.add(new RecalledMemory(stored.memory(), hit.similarity()));
                }
            }
            if (gone.isEmpty()) {
                break;
            }
            index.remove(agentId, gone);
        }
        return recalled;
    }

    @Override
    public String searchIndex() {
        return index.name();
    }

    @Override
    public int forgetRooms(Collection<UUID> roomIds) {
        if (roomIds.isEmpty()) {
            return 0;
        }
        return forget(store.write(m -> m.deleteRooms(roomIds)));
    }

    List<MemoryRow> list(ListQuery query) {
        return store.list(query);
    }

    Optional<Stored> find(UUID agentId, UUID id) {
        return store.find(id, false).filter(s -> s.memory().agentId().equals(agentId));
    }

    /**
     * Replaces the content and/or metadata of the agent's memory; a new {@code content.text} is embedded again.
     * {@code false} when the agent has no such memory.
     */
    boolean update(UUID agentId, UUID id, Optional<ObjectNode> content, Optional<ObjectNode> metadata) {
        Optional<Stored> current = find(agentId, id);
        if (current.isEmpty()) {
            return false;
        }
        boolean reembed = content.map(c -> !c.path("text").asText("").equals(current.get().memory().text()))
                .orElse(false);
        int changed = store.write(m -> m.update(id, agentId, content.map(MemoryStore::json).orElse(null),
                metadata.map(MemoryStore::json).orElse(null), reembed));
        if (changed == 1 && reembed) {
            index.remove(agentId, List.of(id));
            worker.submit(id);
        }
        return changed == 1;
    }

    boolean delete(UUID agentId, UUID id) {
        return forget(store.write(m -> m.delete(id, agentId)), agentId) > 0;
    }

    int clear(UUID agentId) {
        return forget(store.write(m -> m.deleteAgent(agentId)), agentId);
    }

    /**
     * Forgets the memories of every agent {@code exists} denies: those deleted while this domain did not hear of
     * it (stopped, or its events lost). Returns how many memories went.
     */
    int clearAgentsGone(Predicate<UUID> exists) {
        return store.read(MemoryMapper::agentIds).stream().map(UUID::fromString).filter(exists.negate())
                .mapToInt(this::clear).sum();
    }

    int clearRoom(UUID agentId, UUID roomId) {
        return forget(store.write(m -> m.deleteRoom(agentId, roomId, List.of(Memory.MESSAGES, DOCUMENTS))),
                agentId);
    }

    List<MemoryRow> ofWorld(UUID worldId, List<UUID> rooms, int limit) {
        return store.ofWorld(worldId, rooms, Memory.MESSAGES, limit);
    }

    int clearWorld(UUID worldId, List<UUID> rooms) {
        return forget(store.write(m -> m.deleteWorld(worldId, rooms.isEmpty() ? null : rooms, Memory.MESSAGES)));
    }

    /**
     * Stores imported memories in one transaction (ids that exist are kept as they are); those whose embedding
     * came along are indexed at once, the others are embedded in the background. Returns how many were new.
     */
    int importAll(List<Stored> memories) {
        List<Stored> added = store.insertAll(memories);
        List<VectorIndex.Entry> vectors = new ArrayList<>();
        for (Stored stored : added) {
            Memory memory = stored.memory();
            if (stored.embedding().isPresent()) {
                Embedding embedding = stored.embedding().get();
                vectors.add(new VectorIndex.Entry(memory.agentId(), memory.id(), memory.roomId(), embedding.model(),
                        embedding.vector()));
            } else {
                worker.submit(memory.id());
            }
        }
        index.putAll(vectors);
        statistics.imported(added.size());
        return added.size();
    }

    private int forget(List<String> ids, UUID agentId) {
        index.remove(agentId, ids.stream().map(UUID::fromString).toList());
        return ids.size();
    }

    private int forget(List<OwnedId> owned) {
        owned.stream().collect(Collectors.groupingBy(OwnedId::agentId,
                        Collectors.mapping(OwnedId::id, Collectors.toList())))
                .forEach(index::remove);
        return owned.size();
    }
}
