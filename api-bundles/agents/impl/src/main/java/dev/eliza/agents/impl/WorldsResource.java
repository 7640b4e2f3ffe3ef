package dev.eliza.agents.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentWorld;
import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/agents/:id/worlds} with the 1.7.2 shapes ({@code agents_world_*.txt}). 1.7.2 needs the agent to be
 * running; worlds here are stored with the agent, so an existing agent is enough.
 */
@Path("/api/agents/{agentId}/worlds")
@Produces(MediaType.APPLICATION_JSON)
public final class WorldsResource {
    /** Longer names are refused rather than stored: a world name is a label. */
    static final int MAX_NAME = 256;

    private final AgentDirectory agents;
    private final Worlds worlds;

    WorldsResource(AgentDirectory agents, Worlds worlds) {
        this.agents = agents;
        this.worlds = worlds;
    }

    /** Documented by ElizaOS but absent from 1.7.2: the agent's worlds, oldest first. */
    @GET
    public ApiSuccess<Map<String, Object>> list(@PathParam("agentId") String agentId) {
        UUID id = AgentRefs.existing(agents, agentId).id();
        return ApiSuccess.of(Map.of("worlds", views(worlds.list(Optional.of(id)))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("agentId") String agentId, JsonNode body) {
        UUID id = AgentRefs.existing(agents, agentId).id();
        String name = name(body).orElseThrow(() -> ApiException.badRequest("BAD_REQUEST", "World name is required"));
        ObjectNode metadata = metadata(body).orElseGet(JsonNodeFactory.instance::objectNode);
        Optional<UUID> messageServerId = Optional.ofNullable(body).map(node -> node.get("messageServerId"))
                .filter(node -> !node.isNull())
                .map(node -> AgentRefs.other(node.asText(), "Invalid messageServerId format"));
        AgentWorld world = worlds.create(id, name, metadata, messageServerId);
        return Response.status(201).entity(ApiSuccess.of(Map.of("world", view(world)))).build();
    }

    @PATCH
    @Path("{worldId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<Map<String, Object>> update(@PathParam("agentId") String agentId,
                                                  @PathParam("worldId") String worldId, JsonNode body) {
        UUID id = AgentRefs.existing(agents, agentId).id();
        UUID world = AgentRefs.other(worldId, "Invalid world ID format");
        return ApiSuccess.of(Map.of("world", view(worlds.update(id, world, name(body), metadata(body))
                .orElseThrow(() -> ApiException.notFound("NOT_FOUND", "World not found")))));
    }

    static List<Map<String, Object>> views(List<AgentWorld> all) {
        return all.stream().map(WorldsResource::view).toList();
    }

    static Map<String, Object> view(AgentWorld world) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", world.id().toString());
        view.put("agentId", world.agentId().toString());
        view.put("name", world.name());
        view.put("metadata", world.metadata());
        view.put("messageServerId", world.messageServerId().map(UUID::toString).orElse(null));
        view.put("createdAt", IsoTimes.format(world.createdAt()));
        return view;
    }

    private static Optional<String> name(JsonNode body) {
        JsonNode name = body == null ? null : body.get("name");
        if (name == null || name.isNull() || (name.isTextual() && name.asText().isBlank())) {
            return Optional.empty();
        }
        if (!name.isTextual() || name.asText().length() > MAX_NAME) {
            throw ApiException.badRequest("BAD_REQUEST", "World name must be a string of at most " + MAX_NAME
                    + " characters");
        }
        return Optional.of(name.asText());
    }

    private static Optional<ObjectNode> metadata(JsonNode body) {
        JsonNode metadata = body == null ? null : body.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return Optional.empty();
        }
        if (!(metadata instanceof ObjectNode object)) {
            throw ApiException.badRequest("BAD_REQUEST", "World metadata must be an object");
        }
        return Optional.of(object);
    }
}
