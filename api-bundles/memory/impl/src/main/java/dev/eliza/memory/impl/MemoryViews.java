package dev.eliza.memory.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.util.RawValue;

import dev.eliza.memory.api.Memory;
import dev.eliza.memory.api.RecalledMemory;

/** Memories as 1.7.2 shows them ({@code memory_agent_memories.txt}: epoch-ms {@code createdAt}, fields in order). */
final class MemoryViews {
    private MemoryViews() {
    }

    static Map<String, Object> view(Memory memory) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", memory.id().toString());
        view.put("type", memory.type());
        view.put("createdAt", memory.createdAt());
        view.put("content", memory.content());
        view.put("entityId", memory.entityId().toString());
        view.put("agentId", memory.agentId().toString());
        view.put("roomId", memory.roomId().toString());
        memory.worldId().ifPresent(world -> view.put("worldId", world.toString()));
        view.put("unique", memory.unique());
        view.put("metadata", memory.metadata());
        return view;
    }

    /** The view, with {@code embedding} (and the model that made it) when asked for and made. */
    static Map<String, Object> view(Stored stored, boolean withEmbedding) {
        Map<String, Object> view = view(stored.memory());
        if (withEmbedding) {
            stored.embedding().ifPresent(embedding -> {
                view.put("embedding", embedding.vector());
                view.put("embeddingModel", embedding.model());
            });
        }
        return view;
    }

    /**
     * Listed rows in the same shape, their {@code content} and {@code metadata} written as PostgreSQL gave them
     * (jsonb's text is valid, normalized JSON): a listing of fifty spends no time parsing what it only copies.
     */
    static List<Map<String, Object>> rows(List<MemoryRow> rows, boolean withEmbedding) {
        return rows.stream().map(row -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", row.id().toString());
            view.put("type", row.type());
            view.put("createdAt", row.createdAt());
            view.put("content", new RawValue(row.contentJson()));
            view.put("entityId", row.entityId().toString());
            view.put("agentId", row.agentId().toString());
            view.put("roomId", row.roomId().toString());
            if (row.worldId() != null) {
                view.put("worldId", row.worldId().toString());
            }
            view.put("unique", row.isUnique());
            view.put("metadata", new RawValue(row.metadataJson()));
            if (withEmbedding && row.embedding() != null) {
                view.put("embedding", Vectors.decode(row.embedding()));
                view.put("embeddingModel", row.embeddingModel());
            }
            return view;
        }).toList();
    }

    static List<Map<String, Object>> recalled(List<RecalledMemory> recalled) {
        return recalled.stream().map(r -> {
            Map<String, Object> view = view(r.memory());
            view.put("similarity", r.similarity());
            return view;
        }).toList();
    }

    /** An object with these fields in this order (1.7.2's bodies are compared byte for byte). */
    static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            object.put((String) pairs[i], pairs[i + 1]);
        }
        return object;
    }

    static Map<String, Object> memories(List<Map<String, Object>> views) {
        return Map.of("memories", views);
    }
}
