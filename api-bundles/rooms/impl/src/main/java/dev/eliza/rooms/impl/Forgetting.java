package dev.eliza.rooms.impl;

import java.util.Collection;
import java.util.UUID;

import dev.eliza.memory.api.AgentMemories;

/**
 * The memory domain as rooms see it: optional, and coming and going (updated, stopped) while rooms stay served.
 * Without it, rooms are still deleted and there is nobody to tell.
 */
final class Forgetting {
    private volatile AgentMemories memories;

    void bind(AgentMemories bound) {
        this.memories = bound;
    }

    void unbind(AgentMemories gone) {
        if (this.memories == gone) {
            this.memories = null;
        }
    }

    void forget(Collection<UUID> roomIds) {
        AgentMemories current = memories;
        if (current != null) {
            current.forgetRooms(roomIds);
        }
    }
}
