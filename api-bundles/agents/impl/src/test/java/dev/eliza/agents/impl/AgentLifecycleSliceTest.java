package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.eliza.agents.api.AgentStatus;
import dev.eliza.http.testing.ResourceSlice;

class AgentLifecycleSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "b85990b2-fd94-4d10-aa2e-3fa7eacf16c1";
    private static final String NOT_FOUND =
            "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Agent not found\"}}";

    private final FakeAgentDirectory agents = new FakeAgentDirectory();
    private final RunnerGate gate = new RunnerGate();
    private final TestRunner runner = new TestRunner();
    private ResourceSlice slice;

    @BeforeEach
    void start() throws Exception {
        agents.create(JsonNodeFactory.instance.objectNode().put("id", ID).put("name", "WireAgent"));
        slice = ResourceSlice.of(new AgentsResource(agents, new CharacterSources(Optional.empty()), gate),
                new PanelsResource(agents, gate));
    }

    @AfterEach
    void stop() throws Exception {
        slice.close();
    }

    @Test
    void startIsIdempotentAndStopOfAStoppedAgentIsNotFoundAs1_7_2() throws Exception {
        gate.bind(runner);
        String active = "{\"success\":true,\"data\":{\"id\":\"" + ID + "\",\"name\":\"WireAgent\",\"status\":\"active\"}}";
        assertThat(slice.json("POST", "/api/agents/" + ID + "/start", "").getContent()).isEqualTo(active);
        assertThat(slice.json("POST", "/api/agents/" + ID + "/start", "").getContent()).isEqualTo(active);
        assertThat(agents.activeIds()).containsExactly(UUID.fromString(ID));
        assertThat(json(slice.get("/api/agents/" + ID)).path("data").path("status").asText()).isEqualTo("active");
        assertThat(json(slice.get("/api/agents")).path("data").path("agents").get(0).path("status").asText())
                .isEqualTo("active");
        assertThat(slice.get("/api/agents/" + ID + "/panels").getContent()).isEqualTo("{\"success\":true,\"data\":[]}");

        HttpTester.Response stopped = slice.json("POST", "/api/agents/" + ID + "/stop", "");
        assertThat(stopped.getStatus()).isEqualTo(200);
        assertThat(stopped.getContent()).isEqualTo("{\"success\":true,\"data\":{\"message\":\"Agent stopped\"}}");
        assertThat(agents.activeIds()).isEmpty();
        assertThat(json(slice.get("/api/agents")).path("data").path("agents").get(0).path("status").asText())
                .isEqualTo("inactive");
        HttpTester.Response again = slice.json("POST", "/api/agents/" + ID + "/stop", "");
        assertThat(again.getStatus()).isEqualTo(404);
        assertThat(again.getContent()).isEqualTo(NOT_FOUND);
        HttpTester.Response panels = slice.get("/api/agents/" + ID + "/panels");
        assertThat(panels.getStatus()).isEqualTo(404);
        assertThat(panels.getContent()).isEqualTo(NOT_FOUND);
    }

    @Test
    void withoutARuntimeStartIs503AndTheDesiredStateIsKept() throws Exception {
        HttpTester.Response response = slice.json("POST", "/api/agents/" + ID + "/start", "");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.get("Retry-After")).isEqualTo(AgentLifecycle.RETRY_AFTER);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(agents.activeIds()).containsExactly(UUID.fromString(ID));
        assertThat(json(slice.get("/api/agents/" + ID)).path("data").path("status").asText()).isEqualTo("inactive");

        gate.bind(runner);
        gate.unbind(runner);
        assertThat(slice.json("POST", "/api/agents/" + ID + "/stop", "").getStatus()).isEqualTo(503);
        assertThat(agents.activeIds()).isEmpty();
    }

    @Test
    void aFailedStartShowsTheReasonInTheAnswerAndTheStatus() throws Exception {
        gate.bind(runner);
        runner.failWith("OPENAI_API_KEY is not set");
        HttpTester.Response response = slice.json("POST", "/api/agents/" + ID + "/start", "");
        assertThat(response.getStatus()).isEqualTo(500);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("START_ERROR");
        assertThat(error.path("message").asText()).isEqualTo("Error starting agent");
        assertThat(error.path("details").path("status").asText()).isEqualTo("failed");
        assertThat(error.path("details").path("reason").asText()).isEqualTo("OPENAI_API_KEY is not set");
        JsonNode agent = json(slice.get("/api/agents/" + ID)).path("data");
        assertThat(agent.path("status").asText()).isEqualTo("failed");
        assertThat(agent.path("statusReason").asText()).isEqualTo("OPENAI_API_KEY is not set");
    }

    @Test
    void deleteStopsTheAgentFirst() throws Exception {
        gate.bind(runner);
        slice.json("POST", "/api/agents/" + ID + "/start", "");
        assertThat(slice.delete("/api/agents/" + ID).getStatus()).isEqualTo(204);
        assertThat(runner.status(UUID.fromString(ID))).isEqualTo(AgentStatus.INACTIVE);
        assertThat(slice.delete("/api/agents/" + ID).getContent()).isEqualTo(NOT_FOUND);
    }

    @Test
    void unknownAndBadIdsAreRefused() throws Exception {
        gate.bind(runner);
        String unknown = "/api/agents/b23089a9-2a46-4b2f-b606-cc6fcf747923/";
        assertThat(slice.json("POST", unknown + "start", "").getContent()).isEqualTo(NOT_FOUND);
        assertThat(slice.json("POST", unknown + "stop", "").getStatus()).isEqualTo(404);
        assertThat(slice.get(unknown + "panels").getStatus()).isEqualTo(404);
        HttpTester.Response bad = slice.json("POST", "/api/agents/nope/start", "");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(json(bad).path("error").path("code").asText()).isEqualTo("INVALID_ID");
        assertThat(agents.activeIds()).isEmpty();
    }

    private static JsonNode json(HttpTester.Response response) throws Exception {
        return JSON.readTree(response.getContent());
    }
}
