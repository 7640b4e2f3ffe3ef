package dev.eliza.rooms.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentWorlds;
import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import dev.eliza.rooms.api.ElizaIds;
import dev.eliza.rooms.api.Room;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Groups (worlds) of the memory router: 1.7.2's {@code POST /api/memory/groups/:serverId} (201, or 207 with the
 * agents that failed) and {@code DELETE /api/memory/groups/:id} ({@code memory_groups_*.txt}), and the documented
 * {@code GET /api/memory/groups}, which 1.7.2 lacks.
 */
@Path("/api/memory/groups")
@Produces(MediaType.APPLICATION_JSON)
public final class GroupsResource {
    /** A group is made agent by agent; more than this in one request is refused rather than worked through. */
    static final int MAX_AGENTS = 100;

    private final AgentDirectory agents;
    private final AgentWorlds worlds;
    private final RoomDirectory rooms;

    GroupsResource(AgentDirectory agents, AgentWorlds worlds, RoomDirectory rooms) {
        this.agents = agents;
        this.worlds = worlds;
        this.rooms = rooms;
    }

    /** Every world, oldest first, with the rooms filed under it. */
    @GET
    public ApiSuccess<Map<String, Object>> list() {
        Map<UUID, List<Room>> byWorld = rooms.roomsInWorlds().stream()
                .collect(Collectors.groupingBy(room -> room.worldId().orElseThrow()));
        return ApiSuccess.of(Map.of("groups", worlds.list(Optional.empty()).stream()
                .map(world -> RoomViews.group(world, byWorld.getOrDefault(world.id(), List.of()))).toList()));
    }

    /**
     * Gives each agent its room of the server's group, in {@code worldId} (by default the agent's world of the
     * server, where its channel rooms are). Each agent's room is made on its own: one agent failing keeps the
     * others', as 1.7.2's 207 tells.
     */
    @POST
    @Path("{serverId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("serverId") String serverIdText, JsonNode body) {
        UUID serverId = RoomRefs.id(serverIdText, "serverId");
        JsonNode object = RoomBodies.object(body);
        JsonNode agentIds = object.get("agentIds");
        if (agentIds == null || !agentIds.isArray() || agentIds.isEmpty()) {
            throw ApiException.badRequest("BAD_REQUEST", "agentIds must be a non-empty array");
        }
        if (agentIds.size() > MAX_AGENTS) {
            throw ApiException.badRequest("BAD_REQUEST", "agentIds must list at most " + MAX_AGENTS + " agents");
        }
        String name = RoomBodies.text(object, "name", "Group name").orElse("Group " + serverIdText.substring(0, 8));
        Optional<UUID> worldId = RoomBodies.uuid(object, "worldId");
        Optional<ObjectNode> metadata = RoomBodies.metadata(object);
        List<Map<String, Object>> created = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (JsonNode agentId : agentIds) {
            String text = agentId.isTextual() ? agentId.asText() : agentId.toString();
            Optional<UUID> agent = RoomRefs.parse(text);
            if (agent.isEmpty()) {
                errors.add(error(text, "INVALID_ID", "Invalid agent ID format", "Invalid agent ID: " + text));
                continue;
            }
            try {
                if (!agents.exists(agent.get())) {
                    throw new NoSuchElementException("Agent not found: " + text);
                }
                UUID world = worldId.orElseGet(() -> ElizaIds.unique(serverId, agent.get()));
                created.add(RoomViews.groupRoom(rooms.groupRoom(serverId, agent.get(), name, world, metadata)));
            } catch (NoSuchElementException e) {
                errors.add(error(text, "CREATE_ERROR", "Failed to Create group", e.getMessage()));
            }
        }
        if (errors.isEmpty()) {
            return Response.status(201).entity(ApiSuccess.of(created)).build();
        }
        Map<String, Object> partial = new LinkedHashMap<>();
        partial.put("success", false);
        partial.put("data", created);
        partial.put("errors", errors);
        return Response.status(207).entity(partial).build();
    }

    /** Deletes the group's rooms, forgetting their memories, and the world itself; 204 whether or not it existed. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        rooms.deleteWorld(RoomRefs.id(id, "serverId (worldId)"));
        return Response.noContent().build();
    }

    private static Map<String, Object> error(String agentId, String code, String message, String details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("agentId", agentId);
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        return error;
    }
}
