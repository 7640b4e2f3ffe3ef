package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** The messaging domain against the real platform and its PostgreSQL: the api-client 1.7.2, errors, deliveries. */
class MessagingIT {
    private static final String DEFAULT_SERVER = "00000000-0000-0000-0000-000000000000";
    private static final String UNKNOWN = "b23089a9-2a46-4b2f-b606-cc6fcf747923";

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env());
    static Http http;

    @BeforeAll
    static void client() {
        http = PLATFORM.http();
    }

    @Test
    void theApiClientDrivesServersChannelsDmsAndMessages() throws Exception {
        NodeTests.Result result = NodeTests.run("messaging.test.mjs",
                Map.of("BASE_URL", "http://127.0.0.1:" + PLATFORM.process().port()));
        System.out.println(result.output());
        assertThat(result.output()).contains("ℹ pass 4", "ℹ fail 0");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void clientMistakesGetTheMessagingEnvelopeAndNeverA500() throws Exception {
        assertError(http.get("/api/messaging/channels/nope/details"), 400, "Invalid channelId");
        assertError(http.get("/api/messaging/channels/" + UNKNOWN + "/details"), 404, "Channel not found");
        assertError(http.get("/api/messaging/channels/nope/messages"), 400, "Invalid channelId");
        assertError(http.get("/api/messaging/message-servers/nope/agents"), 400, "Invalid messageServerId format");
        assertError(http.get("/api/messaging/message-servers/" + UNKNOWN + "/agents"), 403,
                "Cannot access agents for a different server");
        assertError(http.json("POST", "/api/messaging/message-servers", "{\"name\":\"x\"}"), 400,
                "Missing required fields: name, sourceType");
        assertError(http.json("POST", "/api/messaging/channels", "{\"name\":\"x\"}"), 400,
                "Invalid message_server_id format");
        assertError(http.get("/api/messaging/dm-channel"), 400, "Missing targetUserId or currentUserId");
        String channel = group(UUID.randomUUID().toString());
        String path = "/api/messaging/channels/" + channel + "/messages";
        String author = UUID.randomUUID().toString();
        assertError(http.json("POST", path, "{\"content\":\"x\"}"), 400,
                "Missing required fields: channelId, message_server_id, author_id, content");
        assertError(http.json("POST", path, post(author, "\"\"")), 400, "content must be a non-empty string");
        assertError(http.json("POST", path, post(author, "42")), 400, "content must be a non-empty string");
        assertError(http.json("POST", path, post(author, "\"" + "x".repeat(4001) + "\"")), 400,
                "content must be at most 4000 characters");
        assertError(http.json("POST", path, "{\"author_id\":\"" + author + "\",\"content\":\"x\","
                + "\"message_server_id\":\"" + DEFAULT_SERVER + "\",\"transport\":\"carrier-pigeon\"}"), 400,
                "Invalid transport \"carrier-pigeon\". Must be one of: http, sse, websocket, sync, stream");
        assertError(http.json("POST", "/api/messaging/channels/" + UUID.randomUUID() + "/messages",
                "{\"author_id\":\"" + author + "\",\"content\":\"x\",\"message_server_id\":\"" + UNKNOWN + "\"}"),
                404, "Server " + UNKNOWN + " does not exist");
        assertError(http.json("POST", "/api/messaging/submit", "{\"content\":\"x\"}"), 400,
                "Missing required fields: channel_id, message_server_id, author_id, content, source_type, "
                        + "raw_message");
        assertError(http.json("POST", "/api/messaging/ingest-external", "{}"), 400,
                "Invalid external message payload");
        assertError(http.json("PATCH", "/api/messaging/action/" + UNKNOWN, "{\"content\":\"x\"}"), 404,
                "Message not found");
        assertThat(http.json("POST", path, "[1,2]").status()).isEqualTo(400);
        assertThat(http.bytes("POST", path, "text/plain", "hi".getBytes()).status()).isEqualTo(415);
        assertThat(http.get(path).json().path("data").path("messages").size()).as("nothing half-written")
                .isZero();
    }

    @Test
    void aMessageToAStoppedAgentIsStoredWithItsDeliveryStateAndSurvivesARestart() throws Exception {
        String agent = UUID.randomUUID().toString();
        assertThat(http.json("POST", "/api/agents", "{\"agent\":{\"id\":\"" + agent + "\",\"name\":\"Quiet\","
                + "\"bio\":[\"b\"]}}").status()).isEqualTo(201);
        String user = UUID.randomUUID().toString();
        String channel = group(user, agent);
        Http.Reply posted = http.json("POST", "/api/messaging/channels/" + channel + "/messages",
                post(user, "\"are you there?\""));
        assertThat(posted.status()).isEqualTo(201);
        JsonNode userMessage = posted.json().path("userMessage");
        assertThat(userMessage.path("source_type").asText()).isEqualTo("eliza_gui");
        String id = userMessage.path("id").asText();

        JsonNode delivery = http.get("/api/messaging/messages/" + id).json().path("data").path("deliveries").get(0);
        assertThat(delivery.path("agentId").asText()).isEqualTo(agent);
        assertThat(delivery.path("state").asText()).isEqualTo("no_reply");
        assertThat(delivery.path("reason").asText()).isEqualTo("agent is not running");
        assertThat(delivery.path("depth").asInt()).isZero();

        Http.Reply submitted = http.json("POST", "/api/messaging/submit", "{\"channel_id\":\"" + channel
                + "\",\"message_server_id\":\"" + DEFAULT_SERVER + "\",\"author_id\":\"" + agent
                + "\",\"content\":\"submitted\",\"source_type\":\"agent_response\",\"raw_message\":{\"thought\":\"t\"}}");
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.json().path("data").path("rawMessage").path("thought").asText()).isEqualTo("t");

        PLATFORM.process().stop();
        PLATFORM.process().restart();

        JsonNode messages = http.get("/api/messaging/channels/" + channel + "/messages").json().path("data")
                .path("messages");
        assertThat(messages.findValuesAsText("content")).containsExactly("submitted", "are you there?");
        JsonNode again = http.get("/api/messaging/messages/" + id).json().path("data");
        assertThat(again.path("deliveries").get(0).path("state").asText()).isEqualTo("no_reply");
        assertThat(http.get("/api/messaging/message-servers").json().path("data").path("messageServers")
                .findValuesAsText("id")).containsOnlyOnce(DEFAULT_SERVER);
    }

    @Test
    void anHttpPostWithNoAgentInTheChannelAnswersAtOnceAndSseEndsWithDone() throws Exception {
        String user = UUID.randomUUID().toString();
        String channel = group(user);
        String path = "/api/messaging/channels/" + channel + "/messages";
        Http.Reply sync = http.json("POST", path, "{\"author_id\":\"" + user + "\",\"content\":\"sync\","
                + "\"message_server_id\":\"" + DEFAULT_SERVER + "\",\"mode\":\"sync\"}");
        assertThat(sync.status()).isEqualTo(201);
        assertThat(sync.json().has("agentResponse")).isFalse();
        Http.Reply sse = http.json("POST", path, "{\"author_id\":\"" + user + "\",\"content\":\"stream\","
                + "\"message_server_id\":\"" + DEFAULT_SERVER + "\",\"transport\":\"sse\"}");
        assertThat(sse.status()).isEqualTo(200);
        assertThat(sse.header("Content-Type")).startsWith("text/event-stream");
        assertThat(sse.body()).startsWith("event: user_message\ndata: {").contains("\"content\":\"stream\"")
                .endsWith("event: done\ndata: {}\n\n");
    }

    private static String group(String... participants) throws Exception {
        Http.Reply created = http.json("POST", "/api/messaging/channels", "{\"name\":\"IT\",\"message_server_id\":\""
                + DEFAULT_SERVER + "\",\"participantCentralUserIds\":[\"" + String.join("\",\"", participants)
                + "\"],\"type\":\"GROUP\",\"metadata\":{}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("data").path("id").asText();
    }

    private static String post(String author, String content) {
        return "{\"author_id\":\"" + author + "\",\"content\":" + content + ",\"message_server_id\":\""
                + DEFAULT_SERVER + "\"}";
    }

    private static void assertError(Http.Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.body()).isEqualTo("{\"success\":false,\"error\":" + Http.JSON.valueToTree(message) + "}");
    }
}
