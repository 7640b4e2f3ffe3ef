package dev.eliza.rooms.impl;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.eliza.memory.api.AgentMemories;
import dev.eliza.memory.api.Memory;
import dev.eliza.memory.api.RecalledMemory;

/** Records which rooms rooms asks the memory domain to forget, and can fail as a broken memory domain would. */
final class RecordingMemories implements AgentMemories {
    final List<UUID> forgotten = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public Memory remember(Memory memory) {
        throw new UnsupportedOperationException("not used by rooms");
    }

    @Override
    public List<RecalledMemory> recall(UUID agentId, Optional<UUID> roomId, String text, int limit,
                                       double threshold) {
        throw new UnsupportedOperationException("not used by rooms");
    }

    @Override
    public String searchIndex() {
        return "in-memory";
    }

    @Override
    public int forgetRooms(Collection<UUID> roomIds) {
        if (failing) {
            throw new IllegalStateException("memory database down");
        }
        forgotten.addAll(roomIds);
        return roomIds.size();
    }
}
