package dev.eliza.it.agents;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentJournal;
import dev.eliza.agents.api.AgentLog;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/probe-agents/logs} records an entry; {@code GET .../active} lists the persisted desired states. */
@Path("/api/probe-agents")
@Produces(MediaType.APPLICATION_JSON)
public final class AgentsProbeResource {
    private final Supplier<Optional<AgentJournal>> journal;
    private final Supplier<Optional<AgentDirectory>> agents;

    AgentsProbeResource(Supplier<Optional<AgentJournal>> journal, Supplier<Optional<AgentDirectory>> agents) {
        this.journal = journal;
        this.agents = agents;
    }

    @POST
    @Path("logs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(JsonNode entry) {
        AgentJournal target = journal.get().orElseThrow();
        target.record(new AgentLog(UUID.fromString(entry.get("id").asText()),
                UUID.fromString(entry.get("agentId").asText()), UUID.fromString(entry.get("entityId").asText()),
                Optional.ofNullable(entry.get("roomId")).map(JsonNode::asText).map(UUID::fromString),
                entry.get("type").asText(), (ObjectNode) entry.get("body"), entry.get("createdAt").asLong()));
        return Response.noContent().build();
    }

    @GET
    @Path("active")
    public List<String> active() {
        return agents.get().orElseThrow().activeIds().stream().map(UUID::toString).toList();
    }
}
