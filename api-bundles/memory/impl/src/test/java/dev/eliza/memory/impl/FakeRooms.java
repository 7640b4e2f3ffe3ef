package dev.eliza.memory.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.eliza.rooms.api.AgentRooms;
import dev.eliza.rooms.api.ElizaIds;
import dev.eliza.rooms.api.Room;

/** Rooms as the rooms domain registers them: a channel's room per agent, rooms grouped in worlds. */
final class FakeRooms implements AgentRooms {
    private final Map<UUID, Room> rooms = new ConcurrentHashMap<>();

    Room add(UUID agentId, Optional<UUID> channelId, Optional<UUID> worldId) {
        UUID id = channelId.map(c -> ElizaIds.unique(c, agentId)).orElseGet(UUID::randomUUID);
        Room room = new Room(id, agentId, "room", channelId, Optional.empty(), worldId, "GROUP", "test",
                Optional.empty(), rooms.size());
        rooms.put(id, room);
        return room;
    }

    @Override
    public Room channelRoom(UUID agentId, UUID channelId) {
        return find(agentId, channelId).orElseThrow(() -> new NoSuchElementException("no channel " + channelId));
    }

    @Override
    public Optional<Room> find(UUID agentId, UUID roomOrChannelId) {
        Room room = rooms.get(roomOrChannelId);
        if (room != null && room.agentId().equals(agentId)) {
            return Optional.of(room);
        }
        return rooms.values().stream().filter(r -> r.agentId().equals(agentId)
                && r.channelId().equals(Optional.of(roomOrChannelId))).findFirst();
    }

    @Override
    public List<UUID> roomIdsOfWorld(UUID worldId) {
        List<UUID> ids = new ArrayList<>();
        rooms.values().stream().filter(r -> r.worldId().equals(Optional.of(worldId)))
                .sorted(java.util.Comparator.comparingLong(Room::createdAt)).forEach(r -> ids.add(r.id()));
        return ids;
    }
}
