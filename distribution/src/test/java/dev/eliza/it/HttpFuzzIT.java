package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 malformed requests across every operation of {@code /api/openapi.json} ({@link HttpFuzzer}, fixed seed):
 * none may answer 5xx or leak a stack trace or an internal class name, those without the key or with a wrong one
 * answer 401, and the server still answers afterwards (ping, the agent list, a Socket.IO handshake).
 * Excluded ({@link FuzzTargets#EXCLUDED}): {@code POST /api/server/stop} and {@code POST /api/stop}, which end the
 * process. Module stop/update/uninstall routes are not in the document, so they are not called.
 * Generation uses {@link java.util.Random} with a fixed seed rather than jqwik: jqwik is not in the offline
 * repository this build uses, and a property run is sequential and shrinks against a server whose state each
 * request changes, so it would neither parallelise nor shrink meaningfully.
 */
class HttpFuzzIT {
    private static final int REQUESTS = 10_000;
    private static final long SEED = 20_261_202L;
    private static final String KEY = "fuzz-key-" + UUID.randomUUID();

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env(
            "ELIZA_SERVER_AUTH_TOKEN", KEY, "RATE_LIMIT_MAX", "10000000"), KEY);

    @Test
    void noMalformedRequestAnswers5xxOrLeaksAndTheServerStillServes() throws Exception {
        Http http = PLATFORM.http();
        String agent = created(http.json("POST", "/api/agents",
                "{\"characterJson\":{\"name\":\"Fuzz\",\"bio\":[\"fuzzed\"]}}")).path("data").path("id").asText();
        String user = UUID.randomUUID().toString();
        var session = created(http.json("POST", "/api/messaging/sessions",
                "{\"agentId\":\"" + agent + "\",\"userId\":\"" + user + "\"}"));
        String channel = created(http.json("POST", "/api/messaging/central-channels", "{\"name\":\"fuzz\","
                + "\"message_server_id\":\"00000000-0000-0000-0000-000000000000\",\"participantCentralUserIds\":[\""
                + agent + "\"]}")).path("data").path("id").asText();
        String memory = created(http.json("POST", "/api/memory/" + agent + "/memories",
                "{\"content\":{\"text\":\"fuzz\"},\"roomId\":\"" + agent + "\"}")).path("data").path("id").asText();
        Map<String, List<String>> good = Map.ofEntries(Map.entry("agentId", List.of(agent)),
                Map.entry("sessionId", List.of(session.path("sessionId").asText())),
                Map.entry("channelId", List.of(channel, session.path("channelId").asText())),
                Map.entry("roomId", List.of(agent, channel)), Map.entry("memoryId", List.of(memory)),
                Map.entry("serverId", List.of("00000000-0000-0000-0000-000000000000")),
                Map.entry("worldId", List.of("00000000-0000-0000-0000-000000000000")),
                Map.entry("id", List.of("hello", "event-log")), Map.entry("family", List.of("agents", "rooms")),
                Map.entry("prefix", List.of("jobs")), Map.entry("view", List.of("export", "memories")));
        FuzzTargets targets = new FuzzTargets(http.get("/api/openapi.json").json(), good);
        assertThat(targets.operations()).hasSizeGreaterThan(150);

        long started = System.nanoTime();
        HttpFuzzer.Outcome outcome = new HttpFuzzer(targets, PLATFORM.process().port(), KEY).run(SEED, REQUESTS);
        System.out.println("HTTP fuzz: " + REQUESTS + " requests in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s, statuses " + outcome.statuses());
        assertThat(outcome.offenders()).as("requests answered 5xx, leaked, skipped auth or failed").isEmpty();
        assertThat(outcome.statuses().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        assertThat(outcome.statuses()).as("the fuzz reached successes, refusals and auth").containsKeys(200, 400, 401);

        assertThat(http.get("/api/server/ping").status()).isEqualTo(200);
        Http.Reply agents = http.get("/api/agents");
        assertThat(agents.status()).isEqualTo(200);
        assertThat(agents.json().path("data").path("agents").isArray()).as(agents.body()).isTrue();
        EngineIoClient engineIo = new EngineIoClient(PLATFORM.process().port());
        Awaits.until(Duration.ofSeconds(10), "a Socket.IO handshake", () -> {
            engineIo.handshake();
            return true;
        });
    }

    private static com.fasterxml.jackson.databind.JsonNode created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        return reply.json();
    }
}
