package dev.eliza.pluginhost;

import java.net.URI;

import dev.eliza.http.api.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;

/**
 * ElizaOS's second form of an agent route, {@code /<segment>...?agentId=<id>}, turned into the first,
 * {@code /api/agents/<id>/plugins/<segment>...}, before matching: one resource serves both and the plugin reads
 * {@code @PathParam("agentId")} either way.
 */
@PreMatching
final class AgentQueryRewrite implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String agentId = uri.getQueryParameters().getFirst("agentId");
        if (agentId == null || agentId.isBlank()) {
            throw ApiException.badRequest("MISSING_AGENT_ID",
                    "This is an agent route: name the agent with ?agentId=<agent id>");
        }
        if (!Uuids.isCanonical(agentId)) {
            throw ApiException.badRequest("INVALID_ID", "Invalid agent ID format");
        }
        URI target = uri.getRequestUriBuilder()
                .replacePath("/api/agents/" + agentId + "/plugins/" + uri.getPath(false))
                .replaceQueryParam("agentId").build();
        request.setRequestUri(uri.getBaseUri(), target);
    }
}
