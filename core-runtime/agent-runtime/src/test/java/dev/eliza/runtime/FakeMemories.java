package dev.eliza.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.eliza.memory.api.AgentMemories;
import dev.eliza.memory.api.Memory;
import dev.eliza.memory.api.RecalledMemory;

/** Memories in a map; recall answers what the test scripted and records what it was asked. */
final class FakeMemories implements AgentMemories {
    final Map<UUID, Memory> stored = new ConcurrentHashMap<>();
    final List<String> queries = new CopyOnWriteArrayList<>();
    final List<Set<UUID>> leftOut = new CopyOnWriteArrayList<>();
    volatile List<RecalledMemory> recalled = List.of();

    @Override
    public Memory remember(Memory memory) {
        return stored.computeIfAbsent(memory.id(), id -> memory);
    }

    @Override
    public List<RecalledMemory> recall(UUID agentId, Optional<UUID> roomId, String text, int limit,
                                       double threshold) {
        queries.add(text);
        return recalled.stream().filter(r -> roomId.map(r.memory().roomId()::equals).orElse(true)).limit(limit)
                .toList();
    }

    /** Records what was left out, then leaves it out as the contract's default does. */
    @Override
    public List<RecalledMemory> recall(UUID agentId, Optional<UUID> roomId, String text, int limit,
                                       double threshold, Set<UUID> left) {
        leftOut.add(Set.copyOf(left));
        return AgentMemories.super.recall(agentId, roomId, text, limit, threshold, left);
    }

    @Override
    public String searchIndex() {
        return "in-memory";
    }

    @Override
    public int forgetRooms(Collection<UUID> roomIds) {
        return 0;
    }
}
