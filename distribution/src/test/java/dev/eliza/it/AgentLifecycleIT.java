package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The agents domain's lifecycle, worlds, logs and runs against the real platform and its PostgreSQL. It first stops
 * the shipped agent-runtime module, so that no runner is there, then deploys a probe bundle that registers a
 * map-backed {@code AgentRunner} and writes journal entries through the real {@code AgentJournal} service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ID = "b85990b2-fd94-4d10-aa2e-3fa7eacf16c1";
    private static final String NOT_FOUND = "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\","
            + "\"message\":\"Agent not found\"}}";

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env());
    static Http http;

    @BeforeAll
    static void client() throws Exception {
        http = PLATFORM.http();
        assertThat(http.json("POST", "/api/agents", "{\"characterJson\":{\"id\":\"" + ID
                + "\",\"name\":\"WireAgent\"}}").status()).isEqualTo(201);
    }

    @Test
    @Order(1)
    void withoutARuntimeStartIs503AndTheDesiredStateIsPersisted() throws Exception {
        Http.Reply stopped = http.json("POST", "/api/server/modules/agent-runtime/stop", "");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        Http.Reply start = http.json("POST", "/api/agents/" + ID + "/start", "");
        assertThat(start.status()).isEqualTo(503);
        assertThat(start.header("Retry-After")).isEqualTo("5");
        assertThat(start.json().path("error").path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(http.get("/api/agents/" + ID).json().path("data").path("status").asText()).isEqualTo("inactive");
        assertThat(http.json("POST", "/api/agents/" + UUID.randomUUID() + "/start", "").body()).isEqualTo(NOT_FOUND);
        assertThat(http.json("POST", "/api/agents/nope/start", "").status()).isEqualTo(400);

        ModuleJars.deploy(PLATFORM.home().resolve("deploy"), "agents-probe.jar", ModuleJars.agentsProbeBundle());
        AtomicReference<String> seen = new AtomicReference<>();
        try {
            Awaits.until(WAIT, "the agents probe serves", () -> {
                Http.Reply reply = http.get("/api/probe-agents/active");
                seen.set(reply.status() + " " + reply.body());
                return reply.status() == 200;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer: " + seen.get(), e);
        }
        assertThat(http.get("/api/probe-agents/active").json().toString()).isEqualTo("[\"" + ID + "\"]");
    }

    @Test
    @Order(2)
    void withARunnerStartIsIdempotentAndStopOfAStoppedAgentIs404() throws Exception {
        String active = "{\"success\":true,\"data\":{\"id\":\"" + ID + "\",\"name\":\"WireAgent\",\"status\":\"active\"}}";
        Awaits.until(WAIT, "the runner is bound",
                () -> http.json("POST", "/api/agents/" + ID + "/start", "").status() == 200);
        assertThat(http.json("POST", "/api/agents/" + ID + "/start", "").body()).isEqualTo(active);
        JsonNode listed = http.get("/api/agents").json().path("data").path("agents");
        assertThat(listed.get(0).path("status").asText()).isEqualTo("active");
        assertThat(http.get("/api/agents/" + ID + "/panels").body()).isEqualTo("{\"success\":true,\"data\":[]}");

        Http.Reply stop = http.json("POST", "/api/agents/" + ID + "/stop", "");
        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.body()).isEqualTo("{\"success\":true,\"data\":{\"message\":\"Agent stopped\"}}");
        assertThat(http.get("/api/probe-agents/active").json().size()).isZero();
        assertThat(http.get("/api/agents").json().path("data").path("agents").get(0).path("status").asText())
                .isEqualTo("inactive");
        Http.Reply again = http.json("POST", "/api/agents/" + ID + "/stop", "");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).isEqualTo(NOT_FOUND);
        assertThat(http.get("/api/agents/" + ID + "/panels").status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void worldsPersist() throws Exception {
        String worlds = "/api/agents/" + ID + "/worlds";
        Http.Reply created = http.json("POST", worlds, "{\"name\":\"Wire World\",\"metadata\":{\"k\":\"v\"}}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode world = created.json().path("data").path("world");
        String worldId = world.path("id").asText();
        assertThat(world.path("messageServerId").isNull()).isTrue();
        assertThat(world.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode renamed = http.json("PATCH", worlds + "/" + worldId,
                "{\"name\":\"Wire World renamed\",\"metadata\":{\"k2\":\"v2\"}}").json().path("data").path("world");
        assertThat(renamed.path("metadata").toString()).isEqualTo("{\"k\":\"v\",\"k2\":\"v2\"}");
        assertThat(renamed.path("createdAt").asText()).isEqualTo(world.path("createdAt").asText());
        assertThat(http.get(worlds).json().path("data").path("worlds").get(0).path("name").asText())
                .isEqualTo("Wire World renamed");
        assertThat(http.get("/api/agents/worlds").json().path("data").path("worlds").findValuesAsText("id"))
                .contains(worldId);
        assertThat(http.json("PATCH", worlds + "/" + UUID.randomUUID(), "{\"name\":\"x\"}").body())
                .isEqualTo("{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"World not found\"}}");
        assertThat(http.json("POST", worlds, "{}").status()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void journalEntriesAreServedAsLogsAndRuns() throws Exception {
        String run = UUID.randomUUID().toString();
        String room = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        long t = 1_795_452_565_605L;
        record(UUID.randomUUID(), user, room, "run_event", "{\"runId\":\"" + run
                + "\",\"status\":\"started\",\"source\":\"messageHandler\",\"messageId\":\"" + room + "\"}", t);
        record(UUID.randomUUID(), ID, room, "useModel:TEXT_LARGE", "{\"runId\":\"" + run
                + "\",\"modelType\":\"TEXT_LARGE\",\"provider\":\"offline\",\"executionTime\":2}", t + 40);
        UUID last = UUID.randomUUID();
        record(last, user, room, "run_event", "{\"runId\":\"" + run + "\",\"status\":\"completed\"}", t + 90);
        record(UUID.randomUUID(), user, room, "run_event", "{\"runId\":\"" + run + "\"}", t + 95, UUID.randomUUID());

        JsonNode logs = http.get("/api/agents/" + ID + "/logs?count=10").json().path("data");
        assertThat(logs.size()).isEqualTo(3);
        assertThat(logs.get(0).path("id").asText()).isEqualTo(last.toString());
        assertThat(logs.get(0).path("createdAt").asText()).isEqualTo("2026-11-23T16:49:25.695Z");
        assertThat(http.get("/api/agents/" + ID + "/logs?excludeTypes=useModel").json().path("data").size())
                .isEqualTo(2);
        assertThat(http.get("/api/agents/" + ID + "/logs?roomId=nope").body()).isEqualTo(
                "{\"success\":false,\"error\":{\"code\":\"INVALID_ID\",\"message\":\"Invalid room ID format\"}}");

        JsonNode runs = http.get("/api/agents/" + ID + "/runs").json().path("data");
        assertThat(runs.path("total").asInt()).isEqualTo(1);
        JsonNode summary = runs.path("runs").get(0);
        assertThat(summary.path("status").asText()).isEqualTo("completed");
        assertThat(summary.path("durationMs").asLong()).isEqualTo(90);
        assertThat(summary.path("counts").path("modelCalls").asInt()).isEqualTo(1);
        JsonNode detail = http.get("/api/agents/" + ID + "/runs/" + run).json().path("data");
        assertThat(detail.path("events").findValuesAsText("type"))
                .containsExactly("RUN_STARTED", "MODEL_USED", "RUN_ENDED");

        assertThat(http.delete("/api/agents/" + ID + "/logs/" + last).status()).isEqualTo(204);
        assertThat(http.delete("/api/agents/" + ID + "/logs/" + last).status()).isEqualTo(404);
        assertThat(http.get("/api/agents/" + ID + "/logs").json().path("data").size()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void deletingTheAgentStopsItAndTakesItsWorldsAndLogs() throws Exception {
        assertThat(http.json("POST", "/api/agents/" + ID + "/start", "").status()).isEqualTo(200);
        assertThat(http.delete("/api/agents/" + ID).status()).isEqualTo(204);
        assertThat(http.get("/api/probe-agents/active").json().size()).isZero();
        assertThat(http.get("/api/agents/worlds").json().path("data").path("worlds").size()).isZero();
        assertThat(http.get("/api/agents/" + ID + "/logs").body()).isEqualTo(NOT_FOUND);
    }

    private static void record(UUID id, String entity, String room, String type, String body, long at)
            throws Exception {
        record(id, entity, room, type, body, at, UUID.fromString(ID));
    }

    /** An entry of an agent that does not exist is dropped by the journal, not stored. */
    private static void record(UUID id, String entity, String room, String type, String body, long at, UUID agent)
            throws Exception {
        Http.Reply reply = http.json("POST", "/api/probe-agents/logs", "{\"id\":\"" + id + "\",\"agentId\":\"" + agent
                + "\",\"entityId\":\"" + entity + "\",\"roomId\":\"" + room + "\",\"type\":\"" + type
                + "\",\"body\":" + body + ",\"createdAt\":" + at + "}");
        assertThat(reply.status()).isEqualTo(204);
    }
}
