package dev.eliza.memory.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.eliza.http.api.ApiSuccess;
import dev.eliza.rooms.api.AgentRooms;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The message memories of a group (a world): those filed under the world and those of its rooms, of every agent.
 * {@code DELETE} is 1.7.2's ({@code memory_groups_clear_memories.txt}, 204); {@code GET} is the documents'.
 */
@Path("/api/memory/groups/{worldId}/memories")
@Produces(MediaType.APPLICATION_JSON)
public final class GroupMemoriesResource {
    static final String INVALID = "Invalid messageServerId (worldId) format";

    private final Memories memories;
    private final Supplier<Optional<AgentRooms>> rooms;

    GroupMemoriesResource(Memories memories, Supplier<Optional<AgentRooms>> rooms) {
        this.memories = memories;
        this.rooms = rooms;
    }

    @GET
    public ApiSuccess<Map<String, Object>> list(@PathParam("worldId") String worldText,
                                                @QueryParam("limit") String limit) {
        UUID worldId = Requests.id(worldText, INVALID);
        List<MemoryRow> found = memories.ofWorld(worldId, roomsOf(worldId),
                Requests.limit(limit, MemoryRoutes.DEFAULT_LIST));
        return ApiSuccess.of(MemoryViews.memories(MemoryViews.rows(found, false)));
    }

    @DELETE
    public Response clear(@PathParam("worldId") String worldText) {
        UUID worldId = Requests.id(worldText, INVALID);
        memories.clearWorld(worldId, roomsOf(worldId));
        return Response.noContent().build();
    }

    private List<UUID> roomsOf(UUID worldId) {
        return rooms.get().map(r -> r.roomIdsOfWorld(worldId)).orElse(List.of());
    }
}
