package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.http.testing.ResourceSlice;

class AgentsResourceSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "b85990b2-fd94-4d10-aa2e-3fa7eacf16c1";

    @TempDir
    Path characters;
    private ResourceSlice slice;

    @BeforeEach
    void start() throws Exception {
        slice = ResourceSlice.of(new AgentsResource(new FakeAgentDirectory(),
                new CharacterSources(Optional.of(characters)), new RunnerGate()));
    }

    @AfterEach
    void stop() throws Exception {
        slice.close();
    }

    @Test
    void createGetListUpdateDeleteWithTheWireShapes() throws Exception {
        HttpTester.Response created = slice.json("POST", "/api/agents", "{\"characterJson\":{\"id\":\"" + ID
                + "\",\"name\":\"WireAgent\",\"bio\":[\"first\",\"second\"],\"settings\":{\"secrets\":{\"T\":\"s\"}}}}");
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode data = json(created).path("data");
        assertThat(data.path("id").asText()).isEqualTo(ID);
        assertThat(data.path("character").path("settings").path("secrets").path("T").asText()).isNotEqualTo("s");

        JsonNode agent = json(slice.get("/api/agents/" + ID)).path("data");
        assertThat(agent.path("server_id").isNull()).isTrue();
        assertThat(agent.path("username").asText()).isEmpty();
        assertThat(agent.path("topics").isArray()).isTrue();
        assertThat(agent.path("status").asText()).isEqualTo("inactive");

        JsonNode summary = json(slice.get("/api/agents")).path("data").path("agents").get(0);
        assertThat(summary.toString()).isEqualTo("{\"id\":\"" + ID + "\",\"name\":\"WireAgent\","
                + "\"characterName\":\"WireAgent\",\"bio\":\"first\",\"status\":\"inactive\"}");

        HttpTester.Response updated = slice.json("PATCH", "/api/agents/" + ID, "{\"system\":\"new\"}");
        assertThat(json(updated).path("data").path("system").asText()).isEqualTo("new");
        assertThat(slice.delete("/api/agents/" + ID).getStatus()).isEqualTo(204);
        assertThat(slice.delete("/api/agents/" + ID).getContent())
                .isEqualTo("{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Agent not found\"}}");
    }

    @Test
    void aListLongerThanJerseysBufferIsSentWithItsLengthNotInChunks() throws Exception {
        for (int i = 0; i < 100; i++) {
            slice.json("POST", "/api/agents",
                    "{\"characterJson\":{\"name\":\"Bench" + i + "\",\"bio\":[\"agent " + i + "\"]}}");
        }
        HttpTester.Response list = slice.get("/api/agents");
        assertThat(list.getContentBytes().length).isGreaterThan(8192);
        assertThat(list.get("Transfer-Encoding")).isNull();
        assertThat(list.get("Content-Length")).isEqualTo(String.valueOf(list.getContentBytes().length));
        assertThat(json(list).path("data").path("agents").size()).isEqualTo(100);
    }

    @Test
    void badIdsAndBadCharactersAreRefused() throws Exception {
        HttpTester.Response badId = slice.get("/api/agents/not-a-uuid");
        assertThat(badId.getStatus()).isEqualTo(400);
        assertThat(badId.getContent())
                .isEqualTo("{\"success\":false,\"error\":{\"code\":\"INVALID_ID\",\"message\":\"Invalid agent ID format\"}}");
        HttpTester.Response empty = slice.json("POST", "/api/agents", "{}");
        assertThat(empty.getContent()).isEqualTo("{\"success\":false,\"error\":{\"code\":\"CREATE_ERROR\","
                + "\"message\":\"No character configuration provided\",\"details\":\"No character configuration provided\"}}");
        HttpTester.Response noName = slice.json("POST", "/api/agents", "{\"characterJson\":{\"bio\":\"no name\"}}");
        assertThat(noName.getStatus()).isEqualTo(400);
        assertThat(json(noName).path("error").path("details").asText()).startsWith("Character validation failed");
        assertThat(slice.json("PATCH", "/api/agents/" + ID, "{}").getStatus()).isEqualTo(400);
        assertThat(slice.json("PATCH", "/api/agents/" + ID, "{\"name\":\"x\"}").getStatus()).isEqualTo(404);
    }

    @Test
    void charactersLoadFromTheCharactersFolderOnly() throws Exception {
        Files.writeString(characters.resolve("eve.json"), "{\"name\":\"Eve\"}");
        HttpTester.Response loaded = slice.json("POST", "/api/agents", "{\"characterPath\":\"eve.json\"}");
        assertThat(loaded.getStatus()).isEqualTo(201);
        assertThat(json(loaded).path("data").path("character").path("name").asText()).isEqualTo("Eve");
        HttpTester.Response escape = slice.json("POST", "/api/agents", "{\"characterPath\":\"../etc/passwd\"}");
        assertThat(escape.getStatus()).isEqualTo(400);
        assertThat(json(escape).path("error").path("code").asText()).isEqualTo("CREATE_ERROR");
    }

    private static JsonNode json(HttpTester.Response response) throws Exception {
        return JSON.readTree(response.getContent());
    }
}
