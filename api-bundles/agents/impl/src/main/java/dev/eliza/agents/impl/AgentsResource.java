package dev.eliza.agents.impl;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.InvalidCharacterException;
import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/agents}: list, create, read, change and delete agents. */
@Path("/api/agents")
@Produces(MediaType.APPLICATION_JSON)
public final class AgentsResource {
    /** Until the agent runtime lands no agent runs, so every agent is reported as ElizaOS reports a stopped one. */
    static final String STOPPED = "inactive";

    private final AgentDirectory agents;
    private final CharacterSources sources;
    private final AgentListBody listBody = new AgentListBody();

    AgentsResource(AgentDirectory agents, CharacterSources sources) {
        this.agents = agents;
        this.sources = sources;
    }

    /** With its length declared, the list leaves in one write instead of chunks. */
    @GET
    public Response list() {
        byte[] body = listBody.of(agents.list());
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CONTENT_LENGTH, body.length)
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        ObjectNode character = sources.characterFrom(body);
        try {
            return Response.status(201).entity(ApiSuccess.of(AgentViews.created(agents.create(character)))).build();
        } catch (InvalidCharacterException e) {
            throw new ApiException(400, "CREATE_ERROR", e.getMessage(), e.getMessage());
        }
    }

    @GET
    @Path("{agentId}")
    public ApiSuccess<ObjectNode> get(@PathParam("agentId") String agentId) {
        return ApiSuccess.of(agents.find(id(agentId)).map(agent -> AgentViews.full(agent, STOPPED))
                .orElseThrow(AgentsResource::notFound));
    }

    @PATCH
    @Path("{agentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<ObjectNode> update(@PathParam("agentId") String agentId, JsonNode body) {
        UUID id = id(agentId);
        if (!(body instanceof ObjectNode changes) || changes.isEmpty()) {
            throw ApiException.badRequest("INVALID_REQUEST", "No updates provided");
        }
        try {
            return ApiSuccess.of(agents.update(id, changes).map(agent -> AgentViews.full(agent, STOPPED))
                    .orElseThrow(AgentsResource::notFound));
        } catch (InvalidCharacterException e) {
            throw new ApiException(400, "UPDATE_ERROR", e.getMessage(), e.getMessage());
        }
    }

    @DELETE
    @Path("{agentId}")
    public Response delete(@PathParam("agentId") String agentId) {
        if (!agents.delete(id(agentId))) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    private static UUID id(String text) {
        return Uuids.parse(text).orElseThrow(() -> ApiException.badRequest("INVALID_ID", "Invalid agent ID format"));
    }

    private static ApiException notFound() {
        return ApiException.notFound("NOT_FOUND", "Agent not found");
    }
}
