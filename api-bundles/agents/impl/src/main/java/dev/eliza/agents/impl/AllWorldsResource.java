package dev.eliza.agents.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/agents/worlds}: every agent's worlds, as ElizaOS documents it. 1.7.2 answers 400 INVALID_ID here
 * because {@code /:agentId} shadows it ({@code agents_worlds_list.txt}); the literal path wins here.
 */
@Path("/api/agents/worlds")
@Produces(MediaType.APPLICATION_JSON)
public final class AllWorldsResource {
    private final Worlds worlds;

    AllWorldsResource(Worlds worlds) {
        this.worlds = worlds;
    }

    @GET
    public ApiSuccess<Map<String, List<Map<String, Object>>>> list() {
        return ApiSuccess.of(Map.of("worlds", WorldsResource.views(worlds.list(Optional.empty()))));
    }
}
