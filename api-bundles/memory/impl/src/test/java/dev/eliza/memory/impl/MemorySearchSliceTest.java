package dev.eliza.memory.impl;

import static dev.eliza.memory.impl.MemoryFixture.await;
import static dev.eliza.memory.impl.MemoryRoutesSliceTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.memory.api.Memory;
import dev.eliza.models.api.ModelProviderException;

/** Semantic search, its errors, the background embedding and the index rebuilt from PostgreSQL. */
class MemorySearchSliceTest {
    private MemoryFixture f;
    private UUID agent;
    private String base;
    private final UUID kitchen = UUID.randomUUID();
    private final UUID garden = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        f = new MemoryFixture();
        agent = f.agents.add();
        base = "/api/memory/" + agent;
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private UUID remember(String text, UUID room) throws Exception {
        HttpTester.Response response = f.slice.json("POST", base + "/memories", "{\"content\":{\"text\":\"" + text
                + "\"},\"roomId\":\"" + room + "\"}");
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(201);
        return UUID.fromString(json(response).at("/data/id").asText());
    }

    private JsonNode search(String query) throws Exception {
        HttpTester.Response response = f.slice.get(base + "/memories/search?" + query);
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(200);
        return json(response).at("/data/memories");
    }

    private void corpus() throws Exception {
        remember("the soup needs more salt and pepper", kitchen);
        remember("bake the bread at two hundred degrees", kitchen);
        remember("water the roses every morning", garden);
        remember("the tomatoes in the garden are ripe", garden);
        f.awaitIndexed(4);
    }

    @Test
    void searchFindsTheClosestMemoriesBestFirstWithTheirSimilarity() throws Exception {
        corpus();
        JsonNode hits = search("q=ripe%20tomatoes&limit=2");
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).at("/content/text").asText()).isEqualTo("the tomatoes in the garden are ripe");
        assertThat(hits.get(0).get("similarity").asDouble()).isGreaterThan(hits.get(1).get("similarity")
                .asDouble());
        assertThat(hits.get(0).fieldNames()).toIterable().containsExactly("id", "type", "createdAt", "content",
                "entityId", "agentId", "roomId", "unique", "metadata", "similarity");
        assertThat(search("q=bread%20soup&roomId=" + garden)).allSatisfy(hit ->
                assertThat(hit.get("roomId").asText()).isEqualTo(garden.toString()));
        assertThat(search("q=bread&threshold=0.3")).extracting(h -> h.at("/content/text").asText())
                .containsExactly("bake the bread at two hundred degrees");
        assertThat(json(f.slice.get("/api/agents/" + agent + "/memories/search?q=roses")).at("/data/memories/0"
                + "/content/text").asText()).isEqualTo("water the roses every morning");
        assertThat(f.memories.recall(agent, Optional.of(kitchen), "salt", 5, 0.1)).extracting(r -> r.memory().text())
                .containsExactly("the soup needs more salt and pepper");
    }

    @Test
    void aRecallLeavesOutTheMemoriesItIsToldToAndStillGivesAsManyAsAsked() throws Exception {
        UUID soup = remember("the soup needs more salt and pepper", kitchen);
        UUID salted = remember("salt the pasta water well", kitchen);
        remember("bake the bread at two hundred degrees", kitchen);
        f.awaitIndexed(3);
        assertThat(f.memories.recall(agent, Optional.of(kitchen), "salt", 2, 0)).extracting(r -> r.memory().id())
                .contains(soup, salted);

        assertThat(f.memories.recall(agent, Optional.of(kitchen), "salt", 2, 0, Set.of(soup, salted)))
                .extracting(r -> r.memory().text()).containsExactly("bake the bread at two hundred degrees");
        assertThat(f.memories.recall(agent, Optional.of(kitchen), "salt", 1, 0, Set.of(soup)))
                .extracting(r -> r.memory().id()).containsExactly(salted);
    }

    @Test
    void searchErrorsAreClientErrorsOrUnavailableNeverA500() throws Exception {
        int calls = f.embedder.calls.get();
        assertThat(search("q=anything")).isEmpty();
        assertThat(f.embedder.calls.get()).as("no embeddings: the query is not embedded").isEqualTo(calls);
        corpus();
        for (String query : List.of("q=x&threshold=2", "q=x&threshold=abc", "q=x&limit=0", "limit=3", "q=%20")) {
            HttpTester.Response response = f.slice.get(base + "/memories/search?" + query);
            assertThat(response.getStatus()).as(query).isEqualTo(400);
        }
        assertThat(f.slice.get("/api/memory/" + UUID.randomUUID() + "/memories/search?q=x").getStatus())
                .isEqualTo(404);
        f.embedder.model = "another-model";
        HttpTester.Response mixed = f.slice.get(base + "/memories/search?q=bread");
        assertThat(mixed.getStatus()).isEqualTo(400);
        assertThat(json(mixed).at("/error/code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(json(mixed).at("/error/message").asText()).contains("another-model", "fake-bow");
        f.embeddingsRunning = false;
        HttpTester.Response absent = f.slice.get(base + "/memories/search?q=bread");
        assertThat(absent.getStatus()).isEqualTo(503);
        assertThat(json(absent).at("/error/code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void theWorkerWaitsForTheEmbedderAndGivesUpOnlyOnWhatCanNeverBeEmbedded() throws Exception {
        f.embeddingsRunning = false;
        remember("stored while the runtime is away", kitchen);
        f.embedder.failure = new ModelProviderException("provider down", true);
        f.embeddingsRunning = true;
        f.worker.wake();
        await("paused on a retryable failure", () -> f.embedder.calls.get() > 0);
        assertThat(f.unembedded()).isEqualTo(1);
        f.embedder.failure = null;
        f.worker.wake();
        f.awaitIndexed(1);
        assertThat(search("q=runtime%20away")).hasSize(1);
        UUID stranger = UUID.randomUUID();
        f.embedder.knows = id -> !id.equals(stranger);
        f.memories.remember(new Memory(UUID.randomUUID(), stranger, stranger, kitchen, Optional.empty(), "messages",
                MemoryStore.JSON.createObjectNode().put("text", "orphan"), MemoryStore.JSON.createObjectNode(),
                false, 1));
        await("given up", () -> f.unembedded() == 0);
        int tried = f.embedder.calls.get();
        f.worker.wake();
        remember("a later memory", kitchen);
        await("the later one embedded", () -> f.unembedded() == 0 && f.index.size() == 2);
        assertThat(f.embedder.calls.get()).as("the orphan is not tried again").isEqualTo(tried + 1);
    }

    @Test
    void rememberIsIdempotentOnIdAndAFullQueueLosesNothing() throws Exception {
        f.embeddingsRunning = false;
        Memory memory = new Memory(UUID.randomUUID(), agent, agent, kitchen, Optional.empty(), "messages",
                MemoryStore.JSON.createObjectNode().put("text", "first"), MemoryStore.JSON.createObjectNode(), true,
                7);
        f.memories.remember(memory);
        Memory again = f.memories.remember(new Memory(memory.id(), agent, agent, garden, Optional.empty(), "facts",
                MemoryStore.JSON.createObjectNode().put("text", "second"), MemoryStore.JSON.createObjectNode(),
                false, 8));
        assertThat(again).isEqualTo(memory);
        // The fixture's queue holds 100: the rest must be found by the sweep.
        for (int i = 0; i < 250; i++) {
            f.memories.remember(new Memory(UUID.randomUUID(), agent, agent, kitchen, Optional.empty(), "messages",
                    MemoryStore.JSON.createObjectNode().put("text", "note " + i), MemoryStore.JSON.createObjectNode(),
                    false, i));
        }
        f.embeddingsRunning = true;
        long started = System.nanoTime();
        f.worker.wake();
        f.awaitIndexed(251);
        System.out.printf("251 memories embedded in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(f.unembedded()).isZero();
    }

    @Test
    void aVectorLeftInTheIndexWithoutItsMemoryIsDroppedAndTheSearchStillGivesAsManyAsAsked() throws Exception {
        corpus();
        UUID ghost = UUID.randomUUID();
        f.index.put(agent, ghost, garden, "fake-bow", FakeEmbeddings.vector("ripe tomatoes"));
        assertThat(f.index.size()).isEqualTo(5);

        JsonNode hits = search("q=ripe%20tomatoes&limit=2");
        assertThat(hits.findValuesAsText("id")).doesNotContain(ghost.toString()).hasSize(2);
        assertThat(hits.get(0).at("/content/text").asText()).isEqualTo("the tomatoes in the garden are ripe");
        assertThat(f.index.size()).isEqualTo(4);
    }

    @Test
    void anIndexRebuiltFromPostgresAnswersLikeTheOneKeptInStep() throws Exception {
        corpus();
        UUID gone = remember("a memory to delete", garden);
        f.awaitIndexed(5);
        f.slice.delete(base + "/memories/" + gone);
        String before = search("q=the%20garden%20roses&limit=3").toString();
        FlatIndex rebuilt = MemoryIndexes.load(f.store, f.pool, 2);
        assertThat(rebuilt.size()).isEqualTo(4);
        Memories restarted = new Memories(f.store, rebuilt, f.worker, () -> Optional.of(f.embedder),
                new StatisticsRefresh(f.store, f.scheduler));
        assertThat(restarted.recall(agent, Optional.empty(), "the garden roses", 3, 0)).extracting(r -> r.memory().id()
                .toString()).containsExactlyElementsOf(search("q=the%20garden%20roses&limit=3").findValuesAsText("id"));
        assertThat(search("q=the%20garden%20roses&limit=3").toString()).isEqualTo(before);
    }
}
