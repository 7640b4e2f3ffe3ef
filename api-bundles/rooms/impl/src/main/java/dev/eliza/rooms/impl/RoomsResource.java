package dev.eliza.rooms.impl;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiSuccess;
import dev.eliza.rooms.api.Room;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/rooms/:agentId[/:roomId]}, which ElizaOS documents and 1.7.2 lacks, in the memory router's room
 * shapes and envelope: list, create, get, rename or change metadata, delete (forgetting the room's memories).
 */
@Path("/api/rooms/{agentId}")
@Produces(MediaType.APPLICATION_JSON)
public final class RoomsResource {
    private final RoomDirectory rooms;
    private final RoomAnswers answers;

    RoomsResource(RoomDirectory rooms, RoomAnswers answers) {
        this.rooms = rooms;
        this.answers = answers;
    }

    @GET
    public ApiSuccess<Map<String, Object>> list(@PathParam("agentId") String agentId) {
        return answers.list(agentId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("agentId") String agentId, JsonNode body) {
        return answers.create(agentId, body);
    }

    @GET
    @Path("{roomId}")
    public ApiSuccess<Map<String, Object>> get(@PathParam("agentId") String agentId,
                                               @PathParam("roomId") String roomId) {
        return answers.get(agentId, roomId);
    }

    /** Renames the room and merges {@code metadata} into its own key by key, as world updates do. */
    @PATCH
    @Path("{roomId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<Map<String, Object>> update(@PathParam("agentId") String agentId,
                                                  @PathParam("roomId") String roomId, JsonNode body) {
        Room room = answers.existing(agentId, roomId);
        JsonNode object = RoomBodies.object(body);
        Optional<String> name = RoomBodies.text(object, "name", "Room name");
        Optional<ObjectNode> metadata = RoomBodies.metadata(object);
        Room updated = rooms.update(room.agentId(), room.id(), name, metadata).orElseThrow(RoomRefs::roomNotFound);
        return ApiSuccess.of(RoomViews.detail(updated, rooms.worldName(updated)));
    }

    @DELETE
    @Path("{roomId}")
    public Response delete(@PathParam("agentId") String agentId, @PathParam("roomId") String roomId) {
        Room room = answers.existing(agentId, roomId);
        if (!rooms.delete(room.agentId(), room.id())) {
            throw RoomRefs.roomNotFound();
        }
        return Response.noContent().build();
    }
}
