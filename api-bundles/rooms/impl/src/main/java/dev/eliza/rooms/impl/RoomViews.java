package dev.eliza.rooms.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.eliza.agents.api.AgentWorld;
import dev.eliza.rooms.api.Room;

/** Rooms and groups in the 1.7.2 shapes ({@code memory_room*.txt}, {@code memory_groups_*.txt}). */
final class RoomViews {
    private RoomViews() {
    }

    /** A room as listed: 1.7.2 writes the message server twice, as {@code messageServerId} and {@code serverId}. */
    static Map<String, Object> listed(Room room) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", room.id().toString());
        view.put("name", room.name());
        view.put("channelId", text(room.channelId()));
        view.put("agentId", room.agentId().toString());
        view.put("messageServerId", text(room.messageServerId()));
        view.put("worldId", text(room.worldId()));
        view.put("type", room.type());
        view.put("source", room.source());
        view.put("metadata", room.metadata().orElse(null));
        view.put("serverId", text(room.messageServerId()));
        return view;
    }

    /** A room on its own, with its world's name. */
    static Map<String, Object> detail(Room room, Optional<String> worldName) {
        Map<String, Object> view = listed(room);
        view.put("worldName", worldName.orElse(null));
        return view;
    }

    /** A room as its creation answers it. */
    static Map<String, Object> created(Room room) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", room.id().toString());
        view.put("name", room.name());
        view.put("agentId", room.agentId().toString());
        view.put("createdAt", room.createdAt());
        view.put("source", room.source());
        view.put("type", room.type());
        view.put("worldId", text(room.worldId()));
        view.put("metadata", room.metadata().orElse(null));
        return view;
    }

    /** An agent's room of a group, as the group's creation answers it. */
    static Map<String, Object> groupRoom(Room room) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", room.id().toString());
        view.put("name", room.name());
        view.put("source", room.source());
        view.put("worldId", text(room.worldId()));
        view.put("type", room.type());
        return view;
    }

    /** A group: a world with its rooms (of every agent). */
    static Map<String, Object> group(AgentWorld world, List<Room> rooms) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", world.id().toString());
        view.put("name", world.name());
        view.put("agentId", world.agentId().toString());
        view.put("messageServerId", text(world.messageServerId()));
        view.put("metadata", world.metadata());
        view.put("createdAt", world.createdAt().toEpochMilli());
        view.put("rooms", rooms.stream().map(RoomViews::listed).toList());
        return view;
    }

    private static String text(Optional<UUID> id) {
        return id.map(UUID::toString).orElse(null);
    }
}
