package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.eliza.http.testing.ResourceSlice;

class WorldsSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "ba201732-6d0d-0ac4-860a-7d7ab0a712eb";
    private static final String WORLDS = "/api/agents/" + ID + "/worlds";

    private final FakeAgentDirectory agents = new FakeAgentDirectory();
    private final InMemoryWorlds worlds = new InMemoryWorlds();
    private ResourceSlice slice;

    @BeforeEach
    void start() throws Exception {
        agents.create(JsonNodeFactory.instance.objectNode().put("id", ID).put("name", "PeerAgent"));
        slice = ResourceSlice.of(new AgentsResource(agents, new CharacterSources(Optional.empty()), new RunnerGate()),
                new WorldsResource(agents, worlds), new AllWorldsResource(worlds));
    }

    @AfterEach
    void stop() throws Exception {
        slice.close();
    }

    @Test
    void createUpdateAndListWithTheWireShapes() throws Exception {
        HttpTester.Response created = slice.json("POST", WORLDS, "{\"name\":\"Wire World\",\"metadata\":{\"k\":\"v\"}}");
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode world = json(created).path("data").path("world");
        String worldId = world.path("id").asText();
        assertThat(world.toString()).isEqualTo("{\"id\":\"" + worldId + "\",\"agentId\":\"" + ID
                + "\",\"name\":\"Wire World\",\"metadata\":{\"k\":\"v\"},\"messageServerId\":null,"
                + "\"createdAt\":\"2026-11-23T16:48:58.446Z\"}");

        HttpTester.Response updated = slice.json("PATCH", WORLDS + "/" + worldId,
                "{\"name\":\"Wire World renamed\",\"metadata\":{\"k2\":\"v2\"}}");
        assertThat(updated.getStatus()).isEqualTo(200);
        JsonNode renamed = json(updated).path("data").path("world");
        assertThat(renamed.path("name").asText()).isEqualTo("Wire World renamed");
        assertThat(renamed.path("metadata").toString()).isEqualTo("{\"k\":\"v\",\"k2\":\"v2\"}");
        assertThat(renamed.path("createdAt").asText()).isEqualTo("2026-11-23T16:48:58.446Z");

        assertThat(json(slice.get(WORLDS)).path("data").path("worlds").get(0).path("id").asText()).isEqualTo(worldId);
        JsonNode all = json(slice.get("/api/agents/worlds")).path("data").path("worlds");
        assertThat(all.size()).isEqualTo(1);
        assertThat(all.get(0).path("name").asText()).isEqualTo("Wire World renamed");
    }

    @Test
    void badRequestsGetThe1_7_2Errors() throws Exception {
        assertThat(slice.json("POST", WORLDS, "{}").getContent())
                .isEqualTo("{\"success\":false,\"error\":{\"code\":\"BAD_REQUEST\",\"message\":\"World name is required\"}}");
        assertThat(slice.json("POST", WORLDS, "{\"name\":\"x\",\"metadata\":[1]}").getStatus()).isEqualTo(400);
        assertThat(slice.json("POST", WORLDS, "{\"name\":7}").getStatus()).isEqualTo(400);
        assertThat(slice.json("POST", WORLDS, "{\"name\":\"" + "n".repeat(WorldsResource.MAX_NAME + 1) + "\"}")
                .getStatus()).isEqualTo(400);
        assertThat(slice.json("POST", WORLDS, "{\"name\":\"x\",\"messageServerId\":\"nope\"}").getStatus())
                .isEqualTo(400);
        HttpTester.Response unknown = slice.json("PATCH", WORLDS + "/b23089a9-2a46-4b2f-b606-cc6fcf747923",
                "{\"name\":\"x\"}");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContent())
                .isEqualTo("{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"World not found\"}}");
        assertThat(slice.json("PATCH", WORLDS + "/nope", "{\"name\":\"x\"}").getStatus()).isEqualTo(400);
        assertThat(slice.json("POST", "/api/agents/b23089a9-2a46-4b2f-b606-cc6fcf747923/worlds", "{\"name\":\"x\"}")
                .getStatus()).isEqualTo(404);
        assertThat(slice.get("/api/agents/nope/worlds").getStatus()).isEqualTo(400);
        assertThat(worlds.list(Optional.empty())).isEmpty();
    }

    private static JsonNode json(HttpTester.Response response) throws Exception {
        return JSON.readTree(response.getContent());
    }
}
