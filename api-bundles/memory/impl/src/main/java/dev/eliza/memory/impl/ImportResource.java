package dev.eliza.memory.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.ApiSuccess;
import dev.eliza.models.api.AgentEmbeddings;
import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProviderException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/memory/:agentId/import}: the body {@link ExportResource} gives (or just {@code {memories:[…]}}),
 * every memory checked before any is stored, then stored in one transaction (ids that exist are left as they
 * are). An embedding is kept when the agent's model made it, else it is made again in the background.
 */
@Path("/api/memory/{agentId}/import")
public final class ImportResource {
    static final int DEFAULT_MAX = 10_000;

    private final AgentDirectory agents;
    private final Memories memories;
    private final MemoryBodies bodies;
    private final Supplier<Optional<AgentEmbeddings>> embeddings;
    private final int max;

    ImportResource(AgentDirectory agents, Memories memories, MemoryBodies bodies,
                   Supplier<Optional<AgentEmbeddings>> embeddings, int max) {
        this.agents = agents;
        this.memories = memories;
        this.bodies = bodies;
        this.embeddings = embeddings;
        this.max = max;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importAll(@PathParam("agentId") String agentText, JsonNode body) {
        UUID agentId = Requests.agent(agents, agentText, "Invalid agent ID");
        JsonNode list = body == null ? null : body.path("data").isObject() ? body.get("data").get("memories")
                : body.get("memories");
        if (list == null || !list.isArray()) {
            throw MemoryBodies.bad("The document must hold a memories array (data.memories, as exported)");
        }
        if (list.size() > max) {
            throw new ApiException(413, "PAYLOAD_TOO_LARGE", "The document holds " + list.size()
                    + " memories; at most " + max + " are imported at once");
        }
        List<Stored> read = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            read.add(bodies.read(agentId, list.get(i), "memories[" + i + "]."));
        }
        Optional<Embedding> probe = probe(agentId);
        Map<String, Integer> dims = new HashMap<>();
        List<Stored> kept = new ArrayList<>(read.size());
        int reembed = 0;
        for (Stored stored : read) {
            Stored checked = stored.embedding().filter(e -> probe.map(p -> p.dimensions() == e.dimensions()
                    && p.model().equals(e.model())).orElse(true)).map(e -> stored)
                    .orElseGet(() -> new Stored(stored.memory(), Optional.empty()));
            checked.embedding().ifPresent(e -> {
                if (dims.computeIfAbsent(e.model(), m -> e.dimensions()) != e.dimensions()) {
                    throw MemoryBodies.bad("The embeddings of model " + e.model() + " differ in length");
                }
            });
            reembed += checked.embedding().isEmpty() ? 1 : 0;
            kept.add(checked);
        }
        int imported = memories.importAll(kept);
        return Response.ok(ApiSuccess.of(MemoryViews.ordered("imported", imported, "skipped",
                kept.size() - imported, "reembedding", reembed))).build();
    }

    /**
     * What the agent's model makes now, learnt by embedding a word; unknown (every embedding kept as it came) when
     * no embedder answers, in which case the searches refuse vectors of another model anyway.
     */
    private Optional<Embedding> probe(UUID agentId) {
        try {
            return embeddings.get().map(e -> e.embed(agentId, "memory"));
        } catch (ModelProviderException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }
}
