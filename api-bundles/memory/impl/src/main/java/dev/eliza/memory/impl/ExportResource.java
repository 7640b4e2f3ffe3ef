package dev.eliza.memory.impl;

import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.eliza.agents.api.AgentDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code GET /api/memory/:agentId/export}: every memory of the agent, oldest first, with its embedding and the
 * model that made it, as {@code {success:true,data:{version,agentId,exportedAt,memories:[…]}}} — the body
 * {@link ImportResource} takes as it is. Streamed row by row, so a large agent is not held in memory.
 */
@Path("/api/memory/{agentId}/export")
public final class ExportResource {
    static final int VERSION = 1;

    private final AgentDirectory agents;
    private final MemoryStore store;
    private final Clock clock;

    ExportResource(AgentDirectory agents, MemoryStore store, Clock clock) {
        this.agents = agents;
        this.store = store;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StreamingOutput export(@PathParam("agentId") String agentText) {
        UUID agentId = Requests.agent(agents, agentText, "Invalid agent ID");
        long exportedAt = clock.millis();
        return out -> {
            try (JsonGenerator json = MemoryStore.JSON.createGenerator(out)) {
                json.writeStartObject();
                json.writeBooleanField("success", true);
                json.writeObjectFieldStart("data");
                json.writeNumberField("version", VERSION);
                json.writeStringField("agentId", agentId.toString());
                json.writeNumberField("exportedAt", exportedAt);
                json.writeArrayFieldStart("memories");
                store.export(agentId, stored -> write(json, stored));
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
            }
        };
    }

    private static void write(JsonGenerator json, Stored stored) {
        try {
            json.writeObject(MemoryViews.view(stored, true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
