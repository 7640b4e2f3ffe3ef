package dev.eliza.runtime;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.eliza.rooms.api.AgentRooms;
import dev.eliza.rooms.api.ElizaIds;
import dev.eliza.rooms.api.Room;

/** Rooms derived as the real domain derives them; counts lookups, and can be made to fail. */
final class FakeRooms implements AgentRooms {
    final AtomicInteger lookups = new AtomicInteger();
    volatile RuntimeException failure;

    @Override
    public Room channelRoom(UUID agentId, UUID channelId) {
        lookups.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        return new Room(ElizaIds.unique(channelId, agentId), agentId, "Channel", Optional.of(channelId),
                Optional.empty(), Optional.of(UUID.nameUUIDFromBytes(agentId.toString().getBytes())), "GROUP",
                "client", Optional.empty(), 0);
    }

    @Override
    public Optional<Room> find(UUID agentId, UUID roomOrChannelId) {
        return Optional.of(channelRoom(agentId, roomOrChannelId));
    }

    @Override
    public List<UUID> roomIdsOfWorld(UUID worldId) {
        return List.of();
    }
}
