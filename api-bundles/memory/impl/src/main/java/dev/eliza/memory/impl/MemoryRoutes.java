package dev.eliza.memory.impl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import dev.eliza.memory.api.Memory;
import dev.eliza.memory.api.RecalledMemory;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.rooms.api.AgentRooms;
import dev.eliza.rooms.api.ElizaIds;
import dev.eliza.rooms.api.Room;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An agent's memories, with 1.7.2's shapes and messages ({@code memory_*.txt}), plus what the documents promise
 * (create, semantic search). Mounted twice, as 1.7.2 mounts its router: under {@code /api/memory/:agentId}
 * ({@link MemoryResource}) and {@code /api/agents/:agentId} ({@link AgentMemoryResource}).
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class MemoryRoutes {
    static final int DEFAULT_LIST = 1000;
    static final int DEFAULT_ROOM_LIST = 20;
    static final int DEFAULT_SEARCH = 10;
    static final double DEFAULT_THRESHOLD = 0.0;

    private final AgentDirectory agents;
    private final Memories memories;
    private final Supplier<Optional<AgentRooms>> rooms;
    private final MemoryBodies bodies;

    MemoryRoutes(AgentDirectory agents, Memories memories, Supplier<Optional<AgentRooms>> rooms,
                 MemoryBodies bodies) {
        this.agents = agents;
        this.memories = memories;
        this.rooms = rooms;
        this.bodies = bodies;
    }

    @GET
    @Path("memories")
    public ApiSuccess<Map<String, Object>> list(@PathParam("agentId") String agentText,
                                                @QueryParam("tableName") String tableName,
                                                @QueryParam("roomId") String roomText,
                                                @QueryParam("channelId") String channelText,
                                                @QueryParam("limit") String limit, @QueryParam("before") String before,
                                                @QueryParam("after") String after,
                                                @QueryParam("includeEmbedding") String includeEmbedding) {
        UUID agentId = Requests.agent(agents, agentText, "Invalid agent ID");
        Optional<List<UUID>> roomFilter = Optional.empty();
        if (channelText != null) {
            UUID channel = Requests.id(channelText, "Invalid channel ID format");
            roomFilter = Optional.of(List.of(rooms.get().flatMap(r -> r.find(agentId, channel)).map(Room::id)
                    .orElseGet(() -> ElizaIds.unique(channel, agentId))));
        } else if (roomText != null) {
            roomFilter = Optional.of(List.of(Requests.id(roomText, "Invalid room ID format")));
        }
        return listed(agentId, tableName, roomFilter, limit, DEFAULT_LIST, before, after, includeEmbedding);
    }

    @GET
    @Path("rooms/{roomId}/memories")
    public ApiSuccess<Map<String, Object>> roomMemories(@PathParam("agentId") String agentText,
                                                        @PathParam("roomId") String roomText,
                                                        @QueryParam("tableName") String tableName,
                                                        @QueryParam("limit") String limit,
                                                        @QueryParam("before") String before,
                                                        @QueryParam("after") String after,
                                                        @QueryParam("includeEmbedding") String includeEmbedding) {
        String invalid = "Invalid agent ID or room ID format";
        UUID roomId = Requests.id(roomText, invalid);
        UUID agentId = Requests.agent(agents, agentText, invalid);
        // 1.7.2 takes a channel id here too: the agent's room of that channel, registered or derived.
        Set<UUID> ids = new LinkedHashSet<>(List.of(roomId, ElizaIds.unique(roomId, agentId)));
        rooms.get().flatMap(r -> r.find(agentId, roomId)).ifPresent(room -> ids.add(room.id()));
        return listed(agentId, tableName, Optional.of(List.copyOf(ids)), limit, DEFAULT_ROOM_LIST, before, after,
                includeEmbedding);
    }

    private ApiSuccess<Map<String, Object>> listed(UUID agentId, String tableName, Optional<List<UUID>> roomFilter,
                                                   String limit, int fallback, String before, String after,
                                                   String includeEmbedding) {
        boolean withEmbedding = "true".equals(includeEmbedding);
        String type = tableName == null || tableName.isEmpty() ? Memory.MESSAGES : tableName;
        ListQuery query = new ListQuery(agentId, type, roomFilter, Requests.millis("before", before),
                Requests.millis("after", after), Requests.limit(limit, fallback), withEmbedding);
        return ApiSuccess.of(MemoryViews.memories(MemoryViews.rows(memories.list(query), withEmbedding)));
    }

    @POST
    @Path("memories")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("agentId") String agentText, JsonNode body) {
        UUID agentId = Requests.agent(agents, agentText, "Invalid agent ID");
        Stored stored = bodies.read(agentId, body, "");
        Memory memory = memories.remember(stored.memory());
        return Response.status(201).entity(ApiSuccess.of(MemoryViews.view(memory))).build();
    }

    @GET
    @Path("memories/search")
    public ApiSuccess<Map<String, Object>> search(@PathParam("agentId") String agentText, @QueryParam("q") String q,
                                                  @QueryParam("limit") String limit,
                                                  @QueryParam("threshold") String threshold,
                                                  @QueryParam("roomId") String roomText) {
        UUID agentId = Requests.agent(agents, agentText, "Invalid agent ID");
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("MISSING_PARAM", "Query parameter q is required");
        }
        Optional<UUID> roomId = roomText == null ? Optional.empty()
                : Optional.of(Requests.id(roomText, "Invalid room ID format"));
        int count = Requests.limit(limit, DEFAULT_SEARCH);
        double floor = Requests.threshold(threshold, DEFAULT_THRESHOLD);
        List<RecalledMemory> found;
        try {
            found = memories.recall(agentId, roomId, q, count, floor);
        } catch (ModelMismatchException e) {
            throw ApiException.badRequest("BAD_REQUEST", e.getMessage());
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("NOT_FOUND", "Agent not found");
        } catch (ModelProviderException e) {
            throw new ApiException(503, "SERVICE_UNAVAILABLE", "Embeddings are unavailable: " + e.getMessage());
        }
        return ApiSuccess.of(MemoryViews.memories(MemoryViews.recalled(found)));
    }

    @PATCH
    @Path("memories/{memoryId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<Map<String, Object>> update(@PathParam("agentId") String agentText,
                                                  @PathParam("memoryId") String memoryText, JsonNode body) {
        String invalid = "Invalid agent ID or memory ID format";
        UUID memoryId = Requests.id(memoryText, invalid);
        UUID agentId = Requests.agent(agents, agentText, invalid);
        if (!(body instanceof ObjectNode object)) {
            throw MemoryBodies.bad("The body must be a JSON object");
        }
        Optional<ObjectNode> content = object(object, "content");
        if (content.isPresent() && !content.get().path("text").isTextual()) {
            throw MemoryBodies.bad("content.text is required (a string)");
        }
        if (!memories.update(agentId, memoryId, content, object(object, "metadata"))) {
            throw ApiException.notFound("NOT_FOUND", "Memory not found");
        }
        return ApiSuccess.of(MemoryViews.ordered("id", memoryId.toString(), "message", "Memory updated successfully"));
    }

    @DELETE
    @Path("memories/{memoryId}")
    public ApiSuccess<Map<String, Object>> delete(@PathParam("agentId") String agentText,
                                                  @PathParam("memoryId") String memoryText) {
        String invalid = "Invalid agent ID or memory ID format";
        UUID memoryId = Requests.id(memoryText, invalid);
        UUID agentId = Requests.agent(agents, agentText, invalid);
        if (!memories.delete(agentId, memoryId)) {
            throw ApiException.notFound("NOT_FOUND", "Memory not found");
        }
        return ApiSuccess.of(Map.of("message", "Memory deleted successfully"));
    }

    @DELETE
    @Path("memories")
    public ApiSuccess<Map<String, Object>> clear(@PathParam("agentId") String agentText) {
        UUID agentId = Requests.agent(agents, agentText, "Invalid agent ID");
        int deleted = memories.clear(agentId);
        return ApiSuccess.of(MemoryViews.ordered("deleted", deleted, "message",
                "All agent memories cleared successfully"));
    }

    @DELETE
    @Path("memories/all/{roomId}")
    public Response clearRoom(@PathParam("agentId") String agentText, @PathParam("roomId") String roomText) {
        UUID agentId = Requests.id(agentText, "Invalid agent ID");
        UUID roomId = Requests.id(roomText, "Invalid room ID");
        Requests.agent(agents, agentText, "Invalid agent ID");
        memories.clearRoom(agentId, roomId);
        return Response.noContent().build();
    }

    private static Optional<ObjectNode> object(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!(node instanceof ObjectNode object)) {
            throw MemoryBodies.bad(field + " must be an object");
        }
        return Optional.of(object);
    }
}
