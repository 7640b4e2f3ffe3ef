package dev.eliza.agents.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentWorld;

/** {@link Worlds} in a list, for route slices; the SQL store is proven by the in-container test. */
final class InMemoryWorlds implements Worlds {
    private final List<AgentWorld> worlds = new ArrayList<>();
    private long clock = 1_795_452_538_446L;

    @Override
    public synchronized List<AgentWorld> list(Optional<UUID> agentId) {
        return worlds.stream().filter(w -> agentId.map(w.agentId()::equals).orElse(true)).toList();
    }

    @Override
    public synchronized AgentWorld create(UUID agentId, String name, ObjectNode metadata,
                                          Optional<UUID> messageServerId) {
        AgentWorld world = new AgentWorld(UUID.randomUUID(), agentId, name, metadata.deepCopy(), messageServerId,
                Instant.ofEpochMilli(clock++));
        worlds.add(world);
        return world;
    }

    @Override
    public synchronized Optional<AgentWorld> update(UUID agentId, UUID worldId, Optional<String> name,
                                               Optional<ObjectNode> metadata) {
        for (int i = 0; i < worlds.size(); i++) {
            AgentWorld w = worlds.get(i);
            if (w.id().equals(worldId) && w.agentId().equals(agentId)) {
                ObjectNode merged = w.metadata().deepCopy();
                metadata.ifPresent(merged::setAll);
                AgentWorld updated = new AgentWorld(w.id(), agentId, name.orElse(w.name()), merged,
                        w.messageServerId(), w.createdAt());
                worlds.set(i, updated);
                return Optional.of(updated);
            }
        }
        return Optional.empty();
    }
}
