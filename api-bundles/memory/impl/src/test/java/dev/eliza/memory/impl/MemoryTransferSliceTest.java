package dev.eliza.memory.impl;

import static dev.eliza.memory.impl.MemoryFixture.await;
import static dev.eliza.memory.impl.MemoryRoutesSliceTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Export and import (round trip, all-or-nothing, limits, foreign embeddings), stats and insights. */
class MemoryTransferSliceTest {
    private MemoryFixture f;
    private UUID agent;
    private String base;
    private final UUID room = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        f = new MemoryFixture(5);
        agent = f.agents.add();
        base = "/api/memory/" + agent;
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private void remember(String text, String type, long createdAt) throws Exception {
        HttpTester.Response response = f.slice.json("POST", base + "/memories", "{\"content\":{\"text\":\"" + text
                + "\"},\"roomId\":\"" + room + "\",\"type\":\"" + type + "\",\"createdAt\":" + createdAt
                + ",\"metadata\":{\"k\":[1,2]}}");
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(201);
    }

    private JsonNode export() throws Exception {
        HttpTester.Response response = f.slice.get(base + "/export");
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(200);
        return json(response);
    }

    private HttpTester.Response importBody(String body) throws Exception {
        return f.slice.json("POST", base + "/import", body);
    }

    @Test
    void anExportImportedAfterADeleteGivesBackTheSameMemoriesAndEmbeddings() throws Exception {
        remember("pancakes for breakfast", "messages", 1000);
        remember("the user lives in Lisbon", "facts", 2000);
        remember("dinner at eight", "messages", 3000);
        f.awaitIndexed(3);
        JsonNode exported = export();
        assertThat(exported.at("/data/version").asInt()).isEqualTo(1);
        assertThat(exported.at("/data/agentId").asText()).isEqualTo(agent.toString());
        assertThat(exported.at("/data/memories")).hasSize(3);
        assertThat(exported.at("/data/memories/0/embedding")).hasSize(FakeEmbeddings.DIMS);
        String searchBefore = json(f.slice.get(base + "/memories/search?q=breakfast")).at("/data").toString();
        assertThat(f.slice.delete(base + "/memories").getStatus()).isEqualTo(200);
        assertThat(f.slice.delete(base + "/memories?tableName=facts").getStatus()).isEqualTo(200);
        int calls = f.embedder.calls.get();
        HttpTester.Response imported = importBody(exported.toString());
        assertThat(imported.getContent()).isEqualTo(
                "{\"success\":true,\"data\":{\"imported\":3,\"skipped\":0,\"reembedding\":0}}");
        assertThat(export().at("/data/memories")).isEqualTo(exported.at("/data/memories"));
        assertThat(json(f.slice.get(base + "/memories/search?q=breakfast")).at("/data").toString())
                .isEqualTo(searchBefore);
        assertThat(f.embedder.calls.get()).as("only the import's probe and the searches").isEqualTo(calls + 2);
        assertThat(importBody(exported.toString()).getContent()).contains("\"imported\":0,\"skipped\":3");
    }

    @Test
    void aMalformedOrOversizeDocumentImportsNothing() throws Exception {
        String good = "{\"content\":{\"text\":\"fine\"}}";
        for (String body : List.of("{}", "{\"memories\":{}}", "{\"memories\":[" + good + ",{\"content\":{}}]}",
                "{\"memories\":[" + good + ",{\"content\":{\"text\":\"x\"},\"embedding\":[1,\"a\"],"
                        + "\"embeddingModel\":\"m\"}]}", "{\"memories\":[" + good + ",{\"id\":\"nope\","
                        + "\"content\":{\"text\":\"x\"}}]}", "[1,2]", "{\"memories\":[" + good)) {
            HttpTester.Response response = importBody(body);
            assertThat(response.getStatus()).as(body).isEqualTo(400);
            assertThat(json(response).path("success").asBoolean(true)).isFalse();
        }
        HttpTester.Response oversize = importBody("{\"memories\":[" + String.join(",", List.of(good, good, good,
                good, good, good)) + "]}");
        assertThat(oversize.getStatus()).isEqualTo(413);
        assertThat(json(oversize).at("/error/code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(export().at("/data/memories")).isEmpty();
        assertThat(f.slice.json("POST", "/api/memory/" + UUID.randomUUID() + "/import", "{\"memories\":[]}")
                .getStatus()).isEqualTo(404);
    }

    @Test
    void embeddingsOfAnotherModelOrWithoutOneAreMadeAgain() throws Exception {
        ObjectNode document = MemoryStore.JSON.createObjectNode();
        ArrayNode list = document.putArray("memories");
        list.addObject().put("id", UUID.randomUUID().toString()).putObject("content").put("text", "kept vector");
        ((ObjectNode) list.get(0)).put("embeddingModel", "fake-bow").set("embedding",
                MemoryStore.JSON.valueToTree(FakeEmbeddings.vector("kept vector")));
        list.addObject().put("embeddingModel", "old-model").putObject("content").put("text", "foreign vector");
        ((ObjectNode) list.get(1)).set("embedding", MemoryStore.JSON.valueToTree(new float[] {1, 2, 3}));
        list.addObject().putObject("content").put("text", "no vector");
        assertThat(importBody(document.toString()).getContent()).isEqualTo(
                "{\"success\":true,\"data\":{\"imported\":3,\"skipped\":0,\"reembedding\":2}}");
        f.awaitIndexed(3);
        assertThat(export().at("/data/memories").findValuesAsText("embeddingModel")).containsOnly("fake-bow");
        assertThat(json(f.slice.get(base + "/memories/search?q=foreign%20vector")).at("/data/memories/0/content"
                + "/text").asText()).isEqualTo("foreign vector");
    }

    @Test
    void statsCountByTypeRoomAndDayAndInsightsNameTopicsAndRooms() throws Exception {
        remember("Coffee in the morning, coffee at noon", "messages", 1_795_452_565_709L);
        remember("more coffee please", "messages", 1_795_452_565_710L);
        remember("the user likes jazz", "facts", 1_795_300_000_000L);
        HttpTester.Response response = f.slice.get(base + "/stats");
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode stats = json(response).get("data");
        assertThat(stats.get("total").asLong()).isEqualTo(3);
        assertThat(stats.get("byType").toString()).isEqualTo("{\"messages\":2,\"facts\":1}");
        assertThat(stats.get("byRoom").toString()).isEqualTo("{\"" + room + "\":3}");
        assertThat(stats.get("byDay").toString()).isEqualTo("{\"2026-11-23\":2,\"2026-11-21\":1}");
        JsonNode insights = json(f.slice.get(base + "/insights?limit=2")).get("data");
        assertThat(insights.get("topTopics").toString()).isEqualTo(
                "[{\"topic\":\"coffee\",\"count\":3},{\"topic\":\"jazz\",\"count\":1}]");
        assertThat(insights.get("activeRooms").toString()).isEqualTo("[{\"roomId\":\"" + room + "\",\"count\":3}]");
        assertThat(f.slice.get("/api/memory/" + UUID.randomUUID() + "/stats").getStatus()).isEqualTo(404);
        assertThat(f.slice.get("/api/memory/nope/insights").getStatus()).isEqualTo(400);
    }
}
