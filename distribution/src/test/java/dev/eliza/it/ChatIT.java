package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an ElizaOS user does first, end to end on the real platform: create and start an agent with the
 * {@code @elizaos/api-client}, chat with it over {@code socket.io-client} (answered by the built-in offline
 * provider), restart the server and find the agent active and the conversation there; and restart the agent runtime
 * bundle mid-conversation without losing a message.
 */
class ChatIT {
    private static final String SERVER = "00000000-0000-0000-0000-000000000000";
    private static final Pattern PRINTED = Pattern.compile("(AGENT_ID|CHANNEL_ID)=([0-9a-f-]{36})");

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void anAgentAnswersAndIsActiveAgainAfterARestart() throws Exception {
        NodeTests.Result first = NodeTests.run("chat.test.mjs", Map.of("BASE_URL", base(), "STAGE", "first"));
        System.out.println(first.output());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("ℹ fail 0");
        Map<String, String> ids = printedIds(first.output());

        PLATFORM.process().stop();
        PLATFORM.process().restart();

        NodeTests.Result after = NodeTests.run("chat.test.mjs", Map.of("BASE_URL", base(), "STAGE", "after-restart",
                "AGENT_ID", ids.get("AGENT_ID"), "CHANNEL_ID", ids.get("CHANNEL_ID")));
        System.out.println(after.output());
        assertThat(after.exitCode()).as(after.output()).isZero();
        assertThat(after.output()).contains("ℹ fail 0");
    }

    @Test
    void restartingTheRuntimeMidConversationLosesNoMessage() throws Exception {
        Http http = PLATFORM.http();
        String agentId = http.json("POST", "/api/agents",
                "{\"agent\":{\"name\":\"Steady\",\"bio\":[\"Keeps answering.\"]}}").json().at("/data/id").asText();
        assertThat(http.json("POST", "/api/agents/" + agentId + "/start", "").status()).isEqualTo(200);
        String user = UUID.randomUUID().toString();
        Http.Reply channel = http.json("POST", "/api/messaging/channels", "{\"name\":\"swap\",\"type\":\"GROUP\","
                + "\"message_server_id\":\"" + SERVER + "\",\"participantCentralUserIds\":[\"" + user + "\",\""
                + agentId + "\"]}");
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        String channelId = channel.json().at("/data/id").asText();

        int sent = 0;
        List<String> ids = new ArrayList<>();
        for (String step : List.of("before", "stop", "while-stopped", "start", "restart", "after")) {
            switch (step) {
                case "stop" -> assertThat(http.json("POST", "/api/server/modules/agent-runtime/stop", "").status())
                        .isEqualTo(200);
                case "start" -> assertThat(http.json("POST", "/api/server/modules/agent-runtime/start", "").status())
                        .isEqualTo(200);
                case "restart" -> assertThat(
                        http.json("POST", "/api/server/modules/agent-runtime/restart", "").status()).isEqualTo(200);
                default -> {
                    for (int i = 0; i < 5; i++) {
                        ids.add(post(http, channelId, user, step + " " + i));
                        sent++;
                    }
                }
            }
        }
        int expected = sent;
        Awaits.until(Duration.ofSeconds(60), expected + " agent replies", () -> agentReplies(http, channelId,
                agentId) == expected);
        for (String id : ids) {
            JsonNode message = http.get("/api/messaging/messages/" + id).json();
            assertThat(message.toString()).as("delivery of " + id).contains("replied");
        }
    }

    private static String post(Http http, String channelId, String user, String text) throws Exception {
        Http.Reply posted = http.json("POST", "/api/messaging/channels/" + channelId + "/messages",
                "{\"author_id\":\"" + user + "\",\"content\":\"" + text + "\",\"message_server_id\":\"" + SERVER
                        + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode body = posted.json();
        return (body.has("userMessage") ? body.at("/userMessage/id") : body.at("/data/id")).asText();
    }

    private static long agentReplies(Http http, String channelId, String agentId) throws Exception {
        JsonNode messages = http.get("/api/messaging/channels/" + channelId + "/messages?limit=100").json()
                .at("/data/messages");
        long count = 0;
        for (JsonNode message : messages) {
            if (agentId.equals(message.path("authorId").asText())) {
                count++;
            }
        }
        return count;
    }

    private static Map<String, String> printedIds(String output) {
        Matcher matcher = PRINTED.matcher(output);
        Map<String, String> ids = new HashMap<>();
        while (matcher.find()) {
            ids.put(matcher.group(1), matcher.group(2));
        }
        assertThat(ids).containsKeys("AGENT_ID", "CHANNEL_ID");
        return ids;
    }

    private static String base() {
        return "http://127.0.0.1:" + PLATFORM.process().port();
    }
}
