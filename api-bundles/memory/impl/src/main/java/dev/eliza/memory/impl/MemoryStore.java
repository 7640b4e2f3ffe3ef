package dev.eliza.memory.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.memory.api.Memory;
import dev.eliza.models.api.Embedding;

/** Memories in PostgreSQL: rows to {@link Memory} records and back, each call its own transaction. */
final class MemoryStore {
    static final ObjectMapper JSON = new ObjectMapper();

    private final SqlSessionFactory sessions;

    MemoryStore(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Stores the memory unless its id exists; {@code false} when it did. */
    boolean insert(Memory memory, Optional<Embedding> embedding) {
        // one statement, atomic on its own: run outside a transaction, without a BEGIN and COMMIT around it
        return read(m -> insert(m, memory, embedding));
    }

    /** Stores every memory in one transaction, skipping ids that exist; all or none. Returns those that were new. */
    List<Stored> insertAll(List<Stored> memories) {
        return write(m -> memories.stream().filter(s -> insert(m, s.memory(), s.embedding())).toList());
    }

    /** Has PostgreSQL gather the table's statistics now. */
    void analyze() {
        read(m -> {
            m.analyze();
            return null;
        });
    }

    private static boolean insert(MemoryMapper m, Memory memory, Optional<Embedding> embedding) {
        return m.insert(memory.id(), memory.agentId(), memory.entityId(), memory.roomId(),
                memory.worldId().orElse(null), memory.type(), json(memory.content()), json(memory.metadata()),
                memory.unique(), memory.createdAt(), embedding.map(e -> Vectors.encode(e.vector())).orElse(null),
                embedding.map(Embedding::model).orElse(null), embedding.map(Embedding::dimensions).orElse(null)) > 0;
    }

    Optional<Stored> find(UUID id, boolean withEmbedding) {
        return Optional.ofNullable(read(m -> m.find(id, withEmbedding))).map(MemoryStore::stored);
    }

    /** The memories with these ids that exist, by id. */
    Map<UUID, Stored> findAll(Collection<UUID> ids, boolean withEmbedding) {
        Map<UUID, Stored> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            read(m -> m.findAll(ids, withEmbedding)).forEach(row -> found.put(row.id(), stored(row)));
        }
        return found;
    }

    /** Rows as stored, for listings: their JSON is served as PostgreSQL gives it, without parsing it first. */
    List<MemoryRow> list(ListQuery q) {
        return read(m -> m.list(q.agentId(), q.type(), q.rooms().orElse(null), q.before().orElse(null),
                q.after().orElse(null), q.limit(), q.withEmbedding()));
    }

    List<MemoryRow> ofWorld(UUID worldId, List<UUID> rooms, String type, int limit) {
        return read(m -> m.ofWorld(worldId, rooms.isEmpty() ? null : rooms, type, limit, false));
    }

    /** Hands every memory of the agent, with its embedding, oldest first, to {@code sink}, streaming the rows. */
    void export(UUID agentId, Consumer<Stored> sink) {
        stream(m -> {
            m.exportRows(agentId, true, context -> sink.accept(stored(context.getResultObject())));
        });
    }

    /** Hands every stored vector to {@code sink}, streaming the rows. */
    void vectors(Consumer<VectorRow> sink) {
        stream(m -> {
            m.vectors(context -> sink.accept(context.getResultObject()));
        });
    }

    /** Runs outside a transaction: for reads, and writes of one statement (each is atomic on its own). */
    <T> T read(Function<MemoryMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(MemoryMapper.class));
        }
    }

    /** Reads in a transaction: PostgreSQL hands rows over in batches (a cursor) only inside one. */
    private void stream(Consumer<MemoryMapper> work) {
        try (SqlSession session = sessions.openSession(false)) {
            work.accept(session.getMapper(MemoryMapper.class));
        }
    }

    <T> T write(Function<MemoryMapper, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session.getMapper(MemoryMapper.class));
            session.commit(true);
            return result;
        }
    }

    static Stored stored(MemoryRow row) {
        Memory memory = new Memory(row.id(), row.agentId(), row.entityId(), row.roomId(),
                Optional.ofNullable(row.worldId()), row.type(), object(row.contentJson()),
                object(row.metadataJson()), row.isUnique(), row.createdAt());
        Optional<Embedding> embedding = Optional.ofNullable(row.embedding())
                .map(bytes -> new Embedding(Vectors.decode(bytes), row.embeddingModel()));
        return new Stored(memory, embedding);
    }

    static String json(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable", e);
        }
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a jsonb column that is not an object", e);
        }
    }
}
