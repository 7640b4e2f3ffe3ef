package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an agent hears becomes a memory of its room, and a later message recalls it into the prompt, end to end on
 * the real platform: the agent answers through the Anthropic bundle (a local server speaking its protocol records
 * each prompt), which has no embedding model, so its memories are embedded by the built-in offline model. The
 * history is cut to two messages, so what reaches the prompt can only have come from memory.
 */
class MemoryRecallIT {
    private static final String SERVER = "00000000-0000-0000-0000-000000000000";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeModelServers FAKE = start();

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of("AGENT_HISTORY_SIZE", "2"));

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Test
    void aMessageHeardEarlierIsRecalledIntoTheSystemPromptOfARelatedQuestion() throws Exception {
        Http http = PLATFORM.http();
        String agent = http.json("POST", "/api/agents", "{\"agent\":{\"name\":\"Rememberer\","
                + "\"plugins\":[\"@elizaos/plugin-anthropic\"],\"settings\":{\"ANTHROPIC_BASE_URL\":\"" + FAKE.url()
                + "/v1\",\"secrets\":{\"ANTHROPIC_API_KEY\":\"sk-test\"}}}}").json().at("/data/id").asText();
        assertThat(http.json("POST", "/api/agents/" + agent + "/start", "").status()).isEqualTo(200);
        String user = UUID.randomUUID().toString();
        String channel = http.json("POST", "/api/messaging/channels", "{\"name\":\"recall\",\"type\":\"DM\","
                + "\"message_server_id\":\"" + SERVER + "\",\"participantCentralUserIds\":[\"" + user + "\",\""
                + agent + "\"]}").json().at("/data/id").asText();

        say(http, channel, user, "My favourite drink is jasmine green tea, served cold.");
        Awaits.until(WAIT, "the first message is embedded and searchable", () -> search(http, agent,
                "which tea do I like").toString().contains("jasmine green tea"));
        say(http, channel, user, "The weather in Lyon was grey all week.");
        say(http, channel, user, "I finished reading a novel about sailors.");
        say(http, channel, user, "What should you bring me to drink?");

        String prompt = FAKE.calls().stream().filter(c -> c.path().equals("/v1/messages"))
                .map(FakeModelServers.Call::body).filter(b -> b.contains("What should you bring me to drink?"))
                .reduce((a, b) -> b).orElseThrow();
        JsonNode request = JSON.readTree(prompt);
        String system = request.path("system").isTextual() ? request.path("system").asText()
                : request.path("system").toString();
        assertThat(system).contains("What Rememberer remembers").contains("jasmine green tea");
        assertThat(request.path("messages").toString()).doesNotContain("jasmine");

        JsonNode memories = http.get("/api/memory/" + agent + "/memories?channelId=" + channel)
                .json().at("/data/memories");
        assertThat(memories.findValuesAsText("text")).contains("My favourite drink is jasmine green tea, served cold.",
                "anthropic says hello");
    }

    private static void say(Http http, String channel, String user, String text) throws Exception {
        Http.Reply answer = http.json("POST", "/api/messaging/channels/" + channel + "/messages",
                "{\"author_id\":\"" + user + "\",\"content\":\"" + text + "\",\"message_server_id\":\"" + SERVER
                        + "\",\"transport\":\"http\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().at("/agentResponse/text").asText()).isEqualTo("anthropic says hello");
    }

    private static JsonNode search(Http http, String agent, String query) throws Exception {
        return http.get("/api/memory/" + agent + "/memories/search?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)).json().at("/data/memories");
    }

    private static FakeModelServers start() {
        try {
            return new FakeModelServers();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
