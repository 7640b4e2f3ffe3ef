package dev.eliza.rooms.impl;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * 1.7.2's room routes of the memory router, {@code /api/memory/:agentId/rooms[/:roomId]}, which 1.7.2 also mounts
 * under {@code /api/agents/:agentId} ({@code memory_room*.txt}, {@code agents_rooms_via_agents.txt}). 1.7.2 needs
 * the agent to be running; rooms are stored with the agent here, so an existing agent is enough.
 */
@Path("/api/{family: memory|agents}/{agentId}/rooms")
@Produces(MediaType.APPLICATION_JSON)
public final class AgentRoomsResource {
    private final RoomAnswers answers;

    AgentRoomsResource(RoomAnswers answers) {
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
}
