package dev.eliza.media.impl;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.ApiSuccess;
import dev.eliza.media.api.MediaScope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/media/agents/:agentId/upload-media}: a file for an agent. */
@Path("/api/media/agents")
@Produces(MediaType.APPLICATION_JSON)
public final class AgentMediaResource {
    private final MediaUploads uploads;
    private final AgentDirectory agents;

    AgentMediaResource(MediaUploads uploads, AgentDirectory agents) {
        this.uploads = uploads;
        this.agents = agents;
    }

    @POST
    @Path("{agentId}/upload-media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ApiSuccess<UploadView> upload(@PathParam("agentId") String agentId, @Context HttpServletRequest request) {
        return ApiSuccess.of(UploadView.agent(uploads.upload(MediaScope.AGENT, agentId, agents::exists, request)));
    }
}
