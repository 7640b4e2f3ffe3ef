package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentLog;
import dev.eliza.http.testing.ResourceSlice;

class LogsAndRunsSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID AGENT = UUID.fromString("ba201732-6d0d-0ac4-860a-7d7ab0a712eb");
    private static final UUID USER = UUID.fromString("e1d9d78e-dbc2-48fc-9dcf-fc67b3f698c8");
    private static final UUID ROOM = UUID.fromString("90f63054-174f-0360-a3ea-9ef423ee1a0b");
    private static final UUID RUN = UUID.fromString("c1e709b4-74fc-4580-8d29-434b9baaa3d2");
    private static final UUID OLD_RUN = UUID.fromString("a03910c8-8126-4939-a14d-386e4197c1a4");
    private static final UUID MESSAGE = UUID.fromString("72d4d18a-8469-0b7a-bf34-6696de093ac8");
    private static final String BASE = "/api/agents/" + AGENT;

    private final FakeAgentDirectory agents = new FakeAgentDirectory();
    private final InMemoryLogs logs = new InMemoryLogs();
    private ResourceSlice slice;

    @BeforeEach
    void start() throws Exception {
        agents.create(JsonNodeFactory.instance.objectNode().put("id", AGENT.toString()).put("name", "PeerAgent"));
        slice = ResourceSlice.of(new LogsResource(agents, logs), new RunsResource(agents, logs));
        logs.record(runEvent(OLD_RUN, "started", 1_795_452_565_326L));
        logs.record(runEvent(OLD_RUN, "completed", 1_795_452_565_493L));
        logs.record(runEvent(RUN, "started", 1_795_452_565_605L));
        logs.record(entry(RUN, "useModel:TEXT_SMALL", AGENT, 1_795_452_565_648L,
                body(RUN).put("modelType", "TEXT_SMALL").put("provider", "offline").put("executionTime", 0.05)));
        logs.record(entry(RUN, "useModel:TEXT_EMBEDDING", AGENT, 1_795_452_565_739L,
                body(RUN).put("modelType", "TEXT_EMBEDDING").put("provider", "offline")));
        logs.record(entry(RUN, "embedding_event", AGENT, 1_795_452_565_745L,
                body(RUN).put("status", "completed").put("memoryId", MESSAGE.toString())));
    }

    @AfterEach
    void stop() throws Exception {
        slice.close();
    }

    @Test
    void logsAreNewestFirstInTheWireShapeAndFilter() throws Exception {
        JsonNode three = json(slice.get(BASE + "/logs?count=3")).path("data");
        assertThat(three.size()).isEqualTo(3);
        assertThat(three.get(0).path("type").asText()).isEqualTo("embedding_event");
        assertThat(fieldNames(three.get(0))).isEqualTo("[id, createdAt, entityId, body, type, roomId]");
        assertThat(three.get(0).path("createdAt").asText()).isEqualTo("2026-11-23T16:49:25.745Z");
        assertThat(three.get(0).path("roomId").asText()).isEqualTo(ROOM.toString());

        JsonNode noModels = json(slice.get(BASE + "/logs?count=3&excludeTypes=useModel")).path("data");
        assertThat(noModels.findValuesAsText("type")).containsExactly("embedding_event", "run_event", "run_event");
        JsonNode runsOnly = json(slice.get(BASE + "/logs?type=run_event&limit=2")).path("data");
        assertThat(runsOnly.findValuesAsText("type")).containsExactly("run_event", "run_event");
        assertThat(json(slice.get(BASE + "/logs")).path("data").size()).isEqualTo(6);
        assertThat(json(slice.get(BASE + "/logs?roomId=" + UUID.randomUUID())).path("data").size()).isZero();

        HttpTester.Response badRoom = slice.get(BASE + "/logs?roomId=nope");
        assertThat(badRoom.getStatus()).isEqualTo(400);
        assertThat(badRoom.getContent())
                .isEqualTo("{\"success\":false,\"error\":{\"code\":\"INVALID_ID\",\"message\":\"Invalid room ID format\"}}");
        assertThat(slice.get(BASE + "/logs?count=zero").getStatus()).isEqualTo(400);
        assertThat(slice.get(BASE + "/logs?count=0").getStatus()).isEqualTo(400);
        assertThat(slice.get("/api/agents/" + UUID.randomUUID() + "/logs").getStatus()).isEqualTo(404);
    }

    @Test
    void aLogEntryIsDeletedOnce() throws Exception {
        String id = json(slice.get(BASE + "/logs?count=1")).path("data").get(0).path("id").asText();
        assertThat(slice.delete(BASE + "/logs/" + id).getStatus()).isEqualTo(204);
        assertThat(slice.delete(BASE + "/logs/" + id).getStatus()).isEqualTo(404);
        assertThat(slice.delete(BASE + "/logs/nope").getStatus()).isEqualTo(400);
        assertThat(json(slice.get(BASE + "/logs")).path("data").size()).isEqualTo(5);
    }

    @Test
    void runsAreBuiltFromRunEventsAndTheEntriesSharingTheirRunId() throws Exception {
        JsonNode data = json(slice.get(BASE + "/runs?limit=1")).path("data");
        assertThat(data.path("total").asInt()).isEqualTo(2);
        assertThat(data.path("hasMore").asBoolean()).isTrue();
        assertThat(data.path("runs").get(0).toString()).isEqualTo("{\"runId\":\"" + RUN + "\",\"status\":\"started\","
                + "\"startedAt\":1795452565605,\"endedAt\":null,\"durationMs\":null,\"messageId\":\"" + MESSAGE
                + "\",\"roomId\":\"" + ROOM + "\",\"entityId\":\"" + USER + "\",\"metadata\":{},"
                + "\"counts\":{\"actions\":0,\"modelCalls\":2,\"errors\":0,\"evaluators\":0}}");
        JsonNode completed = json(slice.get(BASE + "/runs?status=completed")).path("data").path("runs");
        assertThat(completed.size()).isEqualTo(1);
        assertThat(completed.get(0).path("endedAt").asLong()).isEqualTo(1_795_452_565_493L);
        assertThat(completed.get(0).path("durationMs").asLong()).isEqualTo(167);
        assertThat(json(slice.get(BASE + "/runs?from=1795452565600")).path("data").path("total").asInt()).isEqualTo(1);
        assertThat(json(slice.get(BASE + "/runs?to=1795452565400")).path("data").path("runs").get(0)
                .path("runId").asText()).isEqualTo(OLD_RUN.toString());

        JsonNode run = json(slice.get(BASE + "/runs/" + RUN)).path("data");
        assertThat(fieldNames(run.path("summary")))
                .isEqualTo("[runId, status, startedAt, messageId, roomId, entityId, counts]");
        assertThat(run.path("events").findValuesAsText("type"))
                .containsExactly("RUN_STARTED", "MODEL_USED", "MODEL_USED", "EMBEDDING_EVENT");
        assertThat(run.path("events").get(1).path("data").path("provider").asText()).isEqualTo("offline");
        assertThat(run.path("events").get(1).path("data").has("runId")).isFalse();
    }

    @Test
    void badRunRequestsAreRefused() throws Exception {
        assertThat(slice.get(BASE + "/runs/" + UUID.randomUUID()).getStatus()).isEqualTo(404);
        assertThat(slice.get(BASE + "/runs/nope").getStatus()).isEqualTo(400);
        assertThat(slice.get(BASE + "/runs?status=weird").getStatus()).isEqualTo(400);
        assertThat(slice.get(BASE + "/runs?from=yesterday").getStatus()).isEqualTo(400);
        HttpTester.Response unknown = slice.get("/api/agents/b23089a9-2a46-4b2f-b606-cc6fcf747923/runs");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContent())
                .isEqualTo("{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Agent not found\"}}");
    }

    private static AgentLog runEvent(UUID run, String status, long at) {
        ObjectNode body = body(run).put("status", status).put("source", "messageHandler")
                .put("messageId", MESSAGE.toString()).put("roomId", ROOM.toString());
        return entry(run, "run_event", USER, at, body);
    }

    private static AgentLog entry(UUID run, String type, UUID entity, long at, ObjectNode body) {
        return new AgentLog(UUID.randomUUID(), AGENT, entity, Optional.of(ROOM), type, body, at);
    }

    private static ObjectNode body(UUID run) {
        return JsonNodeFactory.instance.objectNode().put("runId", run.toString());
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static JsonNode json(HttpTester.Response response) throws Exception {
        return JSON.readTree(response.getContent());
    }
}
