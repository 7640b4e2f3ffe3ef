package dev.eliza.agents.impl;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
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

/** {@code /api/agents}: list, create, read, change, delete, start and stop agents. */
@Path("/api/agents")
@Produces(MediaType.APPLICATION_JSON)
public final class AgentsResource {
    private final AgentDirectory agents;
    private final CharacterSources sources;
    private final RunnerGate runner;
    private final AgentLifecycle lifecycle;
    private final AgentListBody listBody = new AgentListBody();

    AgentsResource(AgentDirectory agents, CharacterSources sources, RunnerGate runner) {
        this.agents = agents;
        this.sources = sources;
        this.runner = runner;
        this.lifecycle = new AgentLifecycle(agents, runner);
    }

    /** With its length declared, the list leaves in one write instead of chunks. */
    @GET
    public Response list() {
        byte[] body = listBody.of(agents.list(), runner::statusOf);
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
        Agent agent = AgentRefs.existing(agents, agentId);
        return ApiSuccess.of(AgentViews.full(agent, runner.statusOf(agent.id())));
    }

    @PATCH
    @Path("{agentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiSuccess<ObjectNode> update(@PathParam("agentId") String agentId, JsonNode body) {
        UUID id = AgentRefs.id(agentId);
        if (!(body instanceof ObjectNode changes) || changes.isEmpty()) {
            throw ApiException.badRequest("INVALID_REQUEST", "No updates provided");
        }
        try {
            return ApiSuccess.of(agents.update(id, changes)
                    .map(agent -> AgentViews.full(agent, runner.statusOf(agent.id())))
                    .orElseThrow(AgentRefs::notFound));
        } catch (InvalidCharacterException e) {
            throw new ApiException(400, "UPDATE_ERROR", e.getMessage(), e.getMessage());
        }
    }

    @DELETE
    @Path("{agentId}")
    public Response delete(@PathParam("agentId") String agentId) {
        Agent agent = AgentRefs.existing(agents, agentId);
        lifecycle.stopBeforeDelete(agent.id());
        if (!agents.delete(agent.id())) {
            throw AgentRefs.notFound();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{agentId}/start")
    public Response start(@PathParam("agentId") String agentId) {
        return lifecycle.start(AgentRefs.existing(agents, agentId));
    }

    @POST
    @Path("{agentId}/stop")
    public Response stop(@PathParam("agentId") String agentId) {
        return lifecycle.stop(AgentRefs.existing(agents, agentId));
    }
}
