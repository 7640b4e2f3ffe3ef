package dev.eliza.memory.impl;

import static dev.eliza.memory.impl.MemoryFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.persistence.impl.SharedTestDatabase;
import dev.eliza.rooms.api.ElizaIds;
import dev.eliza.rooms.api.Room;

/** The 1.7.2 memory routes' shapes and errors ({@code wire/memory_*.txt}) over a real PostgreSQL. */
class MemoryRoutesSliceTest {
    private MemoryFixture f;
    private UUID agent;
    private String base;

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

    static JsonNode json(HttpTester.Response response) throws Exception {
        return MemoryStore.JSON.readTree(response.getContent());
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpTester.Response response = f.slice.json("POST", path, body);
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(201);
        return json(response).get("data");
    }

    private UUID remember(String text, UUID room, long createdAt) throws Exception {
        return UUID.fromString(post(base + "/memories", "{\"content\":{\"text\":\"" + text + "\"},\"roomId\":\""
                + room + "\",\"createdAt\":" + createdAt + "}").get("id").asText());
    }

    private void assertBody(HttpTester.Response response, int status, String body) {
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(status);
        assertThat(response.getContent()).isEqualTo(body);
    }

    @Test
    void anImportOfAThousandMemoriesHasPostgresqlGatherTheTableStatisticsAtOnce() throws Exception {
        long before = analyzeCount();
        StringBuilder body = new StringBuilder("{\"memories\":[");
        for (int i = 0; i < StatisticsRefresh.FROM_ROWS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"content\":{\"text\":\"memory ").append(i).append("\"}}");
        }
        HttpTester.Response response = f.slice.json("POST", base + "/import", body.append("]}").toString());
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(200);
        // autovacuum's own rounds count apart (autoanalyze_count), and would come a minute later
        await("an ANALYZE of memories", () -> analyzeCount() > before);
    }

    private static long analyzeCount() {
        try (Connection c = SharedTestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT pg_stat_force_next_flush(), (SELECT analyze_count FROM"
                     + " pg_stat_user_tables WHERE relname = 'memories' AND schemaname = current_schema())")) {
            rows.next();
            return rows.getLong(2);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aListingReadsItsPageStraightFromTheIndexWithoutSorting() throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = SharedTestDatabase.get().dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO memories (id, agent_id, entity_id, room_id, type, content, created_at)"
                    + " SELECT gen_random_uuid(), '" + agent + "', '" + agent + "', '" + agent + "', 'messages',"
                    + " '{}', 1700000000000 + i / 4 FROM generate_series(1, 20000) AS i");
            s.execute("ANALYZE memories");
            for (String where : List.of("", " AND room_id IN ('" + agent + "')")) {
                try (ResultSet rows = s.executeQuery("EXPLAIN SELECT id FROM memories WHERE agent_id = '" + agent
                        + "' AND type = 'messages'" + where + " ORDER BY created_at DESC, id DESC LIMIT 50")) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        assertThat(plan.toString()).contains("Index").doesNotContain("Sort");
    }

    @Test
    void createAnswers201WithTheMemoryInElizaShapeAndListsShowItNewestFirst() throws Exception {
        UUID room = UUID.randomUUID();
        UUID entity = UUID.randomUUID();
        JsonNode created = post(base + "/memories", "{\"content\":{\"text\":\"hello stream\",\"source\":\"x\"},"
                + "\"roomId\":\"" + room + "\",\"entityId\":\"" + entity + "\",\"metadata\":{\"type\":\"message\"},"
                + "\"unique\":true}");
        assertThat(created.fieldNames()).toIterable().containsExactly("id", "type", "createdAt", "content",
                "entityId", "agentId", "roomId", "unique", "metadata");
        assertThat(created.get("createdAt").asLong()).isEqualTo(MemoryFixture.NOW.toEpochMilli());
        assertThat(created.get("type").asText()).isEqualTo("messages");
        assertThat(created.get("agentId").asText()).isEqualTo(agent.toString());
        remember("older", room, 5);
        JsonNode list = json(f.slice.get(base + "/memories")).get("data").get("memories");
        assertThat(list).hasSize(2);
        assertThat(list.get(0)).isEqualTo(created);
        assertThat(list.get(1).path("content").path("text").asText()).isEqualTo("older");
        assertThat(list.get(0).has("embedding")).isFalse();
        await("embedded", () -> f.unembedded() == 0);
        JsonNode withEmbedding = json(f.slice.get(base + "/memories?includeEmbedding=true")).get("data")
                .get("memories").get(0);
        assertThat(withEmbedding.get("embedding")).hasSize(FakeEmbeddings.DIMS);
        assertThat(withEmbedding.get("embeddingModel").asText()).isEqualTo("fake-bow");
        assertThat(json(f.slice.get("/api/agents/" + agent + "/memories")).get("data").get("memories"))
                .isEqualTo(list);
    }

    @Test
    void listFiltersByTableRoomChannelTimeAndLimit() throws Exception {
        UUID channel = UUID.randomUUID();
        UUID channelRoom = ElizaIds.unique(channel, agent);
        UUID other = UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            remember("in channel " + i, channelRoom, i * 100L);
        }
        remember("elsewhere", other, 50);
        post(base + "/memories", "{\"content\":{\"text\":\"a fact\"},\"type\":\"facts\"}");
        assertThat(texts(base + "/memories?channelId=" + channel + "&limit=2")).containsExactly("in channel 5",
                "in channel 4");
        assertThat(texts(base + "/memories?roomId=" + other)).containsExactly("elsewhere");
        assertThat(texts(base + "/memories?roomId=" + channelRoom + "&before=400&after=200"))
                .containsExactly("in channel 4", "in channel 3", "in channel 2");
        assertThat(texts(base + "/memories?tableName=facts")).containsExactly("a fact");
        Room registered = f.rooms.add(agent, Optional.of(UUID.randomUUID()), Optional.empty());
        remember("registered", registered.id(), 1);
        assertThat(texts(base + "/memories?channelId=" + registered.channelId().orElseThrow()))
                .containsExactly("registered");
        assertThat(texts(base + "/rooms/" + channel + "/memories?limit=3")).containsExactly("in channel 5",
                "in channel 4", "in channel 3");
        assertThat(texts("/api/agents/" + agent + "/rooms/" + channelRoom + "/memories")).hasSize(5);
    }

    private List<String> texts(String path) throws Exception {
        HttpTester.Response response = f.slice.get(path);
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(200);
        return json(response).get("data").get("memories").findValues("content").stream()
                .map(c -> c.get("text").asText()).toList();
    }

    @Test
    void badIdsUnknownAgentsAndBadParametersGet1_7_2Errors() throws Exception {
        assertBody(f.slice.get(base + "/memories?channelId=nope"), 400,
                "{\"success\":false,\"error\":{\"code\":\"INVALID_ID\",\"message\":\"Invalid channel ID format\"}}");
        assertBody(f.slice.get("/api/memory/" + UUID.randomUUID() + "/memories"), 404,
                "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Agent not found\"}}");
        assertBody(f.slice.json("PATCH", base + "/memories/nope", "{\"content\":{\"text\":\"x\"}}"), 400,
                "{\"success\":false,\"error\":{\"code\":\"INVALID_ID\","
                        + "\"message\":\"Invalid agent ID or memory ID format\"}}");
        assertThat(json(f.slice.get("/api/memory/nope/memories")).at("/error/message").asText())
                .isEqualTo("Invalid agent ID");
        assertThat(json(f.slice.get(base + "/memories?roomId=x")).at("/error/message").asText())
                .isEqualTo("Invalid room ID format");
        assertThat(json(f.slice.get(base + "/rooms/x/memories")).at("/error/message").asText())
                .isEqualTo("Invalid agent ID or room ID format");
        assertThat(json(f.slice.delete(base + "/memories/all/x")).at("/error/message").asText())
                .isEqualTo("Invalid room ID");
        assertThat(json(f.slice.delete("/api/memory/groups/x/memories")).at("/error/message").asText())
                .isEqualTo("Invalid messageServerId (worldId) format");
        for (String query : List.of("limit=0", "limit=abc", "limit=10001", "before=yesterday")) {
            HttpTester.Response response = f.slice.get(base + "/memories?" + query);
            assertThat(response.getStatus()).as(query).isEqualTo(400);
            assertThat(json(response).at("/error/code").asText()).isEqualTo("BAD_REQUEST");
        }
        for (String body : List.of("[1]", "{\"content\":{}}", "{\"content\":{\"text\":3}}",
                "{\"content\":{\"text\":\"x\"},\"metadata\":[]}", "{\"content\":{\"text\":\"x\"},\"type\":\"\"}",
                "{\"content\":{\"text\":\"x\"},\"createdAt\":\"soon\"}")) {
            HttpTester.Response response = f.slice.json("POST", base + "/memories", body);
            assertThat(response.getStatus()).as(body).isEqualTo(400);
            assertThat(json(response).at("/error/code").asText()).as(body).isEqualTo("BAD_REQUEST");
        }
        assertThat(f.slice.json("POST", base + "/memories", "{\"content\":{\"text\":\"x\"},\"roomId\":\"r\"}")
                .getStatus()).isEqualTo(400);
        assertThat(f.slice.json("POST", base + "/memories", "{not json").getStatus()).isEqualTo(400);
        assertThat(f.slice.send("POST", base + "/memories", "text/plain", "hi").getStatus()).isEqualTo(415);
        assertThat(f.unembedded()).isZero();
        assertThat(texts(base + "/memories")).isEmpty();
    }

    @Test
    void patchReplacesContentAndReembedsAChangedText() throws Exception {
        UUID room = UUID.randomUUID();
        UUID id = remember("the cat sat on the mat", room, 10);
        f.awaitIndexed(1);
        int calls = f.embedder.calls.get();
        assertBody(f.slice.json("PATCH", base + "/memories/" + id,
                        "{\"content\":{\"text\":\"edited by wire capture\"},\"metadata\":{\"type\":\"message\","
                                + "\"edited\":true}}"), 200,
                "{\"success\":true,\"data\":{\"id\":\"" + id + "\",\"message\":\"Memory updated successfully\"}}");
        JsonNode memory = json(f.slice.get(base + "/memories")).at("/data/memories/0");
        assertThat(memory.at("/content/text").asText()).isEqualTo("edited by wire capture");
        assertThat(memory.at("/metadata/edited").asBoolean()).isTrue();
        await("re-embedded", () -> f.unembedded() == 0 && f.embedder.calls.get() > calls && f.index.size() == 1);
        JsonNode hits = json(f.slice.get(base + "/memories/search?q=edited%20wire&threshold=0.5")).at("/data/memories");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("id").asText()).isEqualTo(id.toString());
        int after = f.embedder.calls.get();
        f.slice.json("PATCH", base + "/memories/" + id, "{\"metadata\":{\"more\":1}}");
        f.slice.json("PATCH", base + "/memories/" + id, "{\"content\":{\"text\":\"edited by wire capture\"}}");
        assertThat(f.unembedded()).isZero();
        assertThat(f.embedder.calls.get()).isEqualTo(after);
        assertThat(f.slice.json("PATCH", base + "/memories/" + UUID.randomUUID(), "{\"content\":{\"text\":\"x\"}}")
                .getStatus()).isEqualTo(404);
        assertThat(f.slice.json("PATCH", base + "/memories/" + id, "{\"content\":{\"nope\":1}}").getStatus())
                .isEqualTo(400);
    }

    @Test
    void deletesOneAllOfARoomAndAllOfTheAgent() throws Exception {
        UUID room = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID first = remember("one", room, 1);
        remember("two", room, 2);
        remember("three", kept, 3);
        UUID otherAgent = f.agents.add();
        post("/api/memory/" + otherAgent + "/memories", "{\"content\":{\"text\":\"not mine\"},\"roomId\":\"" + room
                + "\"}");
        assertBody(f.slice.delete(base + "/memories/" + first), 200,
                "{\"success\":true,\"data\":{\"message\":\"Memory deleted successfully\"}}");
        assertThat(f.slice.delete(base + "/memories/" + first).getStatus()).isEqualTo(404);
        HttpTester.Response cleared = f.slice.delete(base + "/memories/all/" + room);
        assertThat(cleared.getStatus()).isEqualTo(204);
        assertThat(cleared.getContent()).isEmpty();
        assertThat(texts(base + "/memories")).containsExactly("three");
        assertThat(texts("/api/memory/" + otherAgent + "/memories")).containsExactly("not mine");
        assertBody(f.slice.delete(base + "/memories"), 200, "{\"success\":true,\"data\":{\"deleted\":1,"
                + "\"message\":\"All agent memories cleared successfully\"}}");
        assertThat(texts(base + "/memories")).isEmpty();
    }

    @Test
    void theMemoriesOfAgentsThatNoLongerExistAreSweptAndNoOtherAgentLosesAny() throws Exception {
        remember("of the deleted agent", UUID.randomUUID(), 1);
        UUID survivor = f.agents.add();
        post("/api/memory/" + survivor + "/memories", "{\"content\":{\"text\":\"of the survivor\"}}");
        f.agents.delete(agent);
        assertThat(f.memories.clearAgentsGone(id -> f.agents.find(id).isPresent())).isEqualTo(1);
        assertThat(f.store.read(MemoryMapper::agentIds)).containsExactly(survivor.toString());
        assertThat(texts("/api/memory/" + survivor + "/memories")).containsExactly("of the survivor");
        assertThat(f.memories.clearAgentsGone(id -> f.agents.find(id).isPresent())).isZero();
    }

    @Test
    void groupMemoriesAreThoseOfTheWorldAndItsRooms() throws Exception {
        UUID world = UUID.randomUUID();
        Room inWorld = f.rooms.add(agent, Optional.empty(), Optional.of(world));
        remember("in a room of the world", inWorld.id(), 2);
        post(base + "/memories", "{\"content\":{\"text\":\"filed under the world\"},\"worldId\":\"" + world
                + "\",\"createdAt\":1}");
        remember("outside", UUID.randomUUID(), 3);
        assertThat(texts("/api/memory/groups/" + world + "/memories")).containsExactly("in a room of the world",
                "filed under the world");
        assertThat(f.slice.delete("/api/memory/groups/" + world + "/memories").getStatus()).isEqualTo(204);
        assertThat(texts(base + "/memories")).containsExactly("outside");
        assertThat(f.memories.forgetRooms(List.of(UUID.randomUUID()))).isZero();
    }
}
