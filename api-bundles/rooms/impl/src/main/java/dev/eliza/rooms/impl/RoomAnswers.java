package dev.eliza.rooms.impl;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.ApiSuccess;
import dev.eliza.rooms.api.Room;
import jakarta.ws.rs.core.Response;

/** What the room routes answer, shared by the mounts of 1.7.2 ({@code /api/memory}, {@code /api/agents}) and
 * {@code /api/rooms}. */
final class RoomAnswers {
    private final AgentDirectory agents;
    private final RoomDirectory rooms;

    RoomAnswers(AgentDirectory agents, RoomDirectory rooms) {
        this.agents = agents;
        this.rooms = rooms;
    }

    ApiSuccess<Map<String, Object>> list(String agentId) {
        UUID agent = RoomRefs.agent(agents, agentId);
        return ApiSuccess.of(Map.of("rooms", rooms.rooms(agent).stream().map(RoomViews::listed).toList()));
    }

    Response create(String agentId, JsonNode body) {
        UUID agent = RoomRefs.agent(agents, agentId);
        NewRoom spec = RoomBodies.newRoom(body);
        try {
            return Response.status(201).entity(ApiSuccess.of(RoomViews.created(rooms.create(agent, spec)))).build();
        } catch (NoSuchElementException deletedMeanwhile) {
            throw RoomRefs.agentNotFound();
        }
    }

    ApiSuccess<Map<String, Object>> get(String agentId, String roomId) {
        Room room = existing(agentId, roomId);
        return ApiSuccess.of(RoomViews.detail(room, rooms.worldName(room)));
    }

    /** The agent's room with this id, or of the channel with this id; else 400 or 404. */
    Room existing(String agentId, String roomId) {
        UUID agent = RoomRefs.agent(agents, agentId);
        UUID room = RoomRefs.id(roomId, "room ID");
        return rooms.find(agent, room).orElseThrow(RoomRefs::roomNotFound);
    }
}
