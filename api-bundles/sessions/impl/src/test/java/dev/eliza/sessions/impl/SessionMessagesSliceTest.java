package dev.eliza.sessions.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Sending in the three transports and paging the history of a session, and their typed errors. */
class SessionMessagesSliceTest {
    private SessionsFixture f;
    private UUID agent;
    private final UUID user = UUID.randomUUID();
    private String session;
    private String messages;

    @BeforeEach
    void setUp() throws Exception {
        f = new SessionsFixture();
        agent = f.agents.add(true);
        f.messaging.answering = java.util.Optional.of(agent);
        HttpTester.Response created = f.slice.json("POST", "/api/messaging/sessions", "{\"agentId\":\"" + agent
                + "\",\"userId\":\"" + user + "\",\"metadata\":{\"platform\":\"wire\",\"username\":\"wire-user\"}}");
        session = json(created).get("sessionId").asText();
        messages = "/api/messaging/sessions/" + session + "/messages";
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static JsonNode json(HttpTester.Response response) throws Exception {
        return SessionViews.JSON.readTree(response.getContent());
    }

    private JsonNode error(HttpTester.Response response, int status, String code) throws Exception {
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("error").path("code").asText()).isEqualTo(code);
        assertThat(body.path("error").has("stack")).isFalse();
        return body.get("error");
    }

    @Test
    void theWebsocketTransportAnswersAtOnceAndRenewsTheSession() throws Exception {
        f.clock.advance(Duration.ofMinutes(1));
        HttpTester.Response response = f.slice.json("POST", messages,
                "{\"content\":\"hello session\",\"metadata\":{\"client\":\"wire\"}}");
        assertThat(response.getStatus()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("success", "userMessage", "sessionStatus");
        JsonNode message = body.get("userMessage");
        assertThat(message.fieldNames()).toIterable().containsExactly("id", "channel_id", "message_server_id",
                "author_id", "content", "created_at", "source_type", "raw_message", "metadata");
        assertThat(message.get("source_type").asText()).isEqualTo("user");
        assertThat(message.get("metadata").get("sessionId").asText()).isEqualTo(session);
        assertThat(message.get("metadata").get("platform").asText()).isEqualTo("wire");
        assertThat(message.get("metadata").get("client").asText()).isEqualTo("wire");
        assertThat(message.get("metadata").get("timeoutConfig").get("timeoutMinutes").asInt()).isEqualTo(30);
        assertThat(body.get("sessionStatus").toString()).isEqualTo("{\"expiresAt\":\"2026-11-23T17:20:18.058Z\","
                + "\"renewalCount\":1,\"wasRenewed\":true,\"isNearExpiration\":false}");
        assertThat(f.messaging.openWatches()).isZero();
    }

    @Test
    void theHttpTransportWaitsForTheAgentsResponse() throws Exception {
        JsonNode body = json(f.slice.json("POST", messages, "{\"content\":\"hello sync\",\"transport\":\"http\"}"));
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("success", "userMessage", "agentResponse", "sessionStatus");
        JsonNode answer = body.get("agentResponse");
        assertThat(answer.get("text").asText()).isEqualTo("Hello there");
        assertThat(answer.get("thought").asText()).isEqualTo("greet");
        assertThat(answer.get("inReplyTo").asText()).isEqualTo(body.get("userMessage").get("id").asText());
        assertThat(f.messaging.openWatches()).isZero();
    }

    @Test
    void anAgentThatIsNotRunningGivesNoResponseWithoutWaiting() throws Exception {
        f.messaging.answering = java.util.Optional.empty();
        f.agents.markActive(agent, false);
        long start = System.nanoTime();
        JsonNode body = json(f.slice.json("POST", messages, "{\"content\":\"anyone?\",\"transport\":\"sync\"}"));
        assertThat(body.has("agentResponse")).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void theSseTransportStreamsTheUserMessageTheChunksAndDone() throws Exception {
        HttpTester.Response response = f.slice.json("POST", messages,
                "{\"content\":\"hello stream\",\"transport\":\"sse\"}");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.get("Content-Type")).startsWith("text/event-stream");
        String stream = response.getContent();
        assertThat(stream).startsWith("event: user_message\ndata: {\"id\":");
        assertThat(stream).contains("event: chunk\ndata: {\"messageId\":").contains("\"chunk\":\" there\",\"index\":1}");
        assertThat(stream.indexOf("event: chunk")).isLessThan(stream.indexOf("event: done"));
        assertThat(stream).contains("event: done\ndata: {\"thought\":\"greet\"");
    }

    @Test
    void historyPagesNewestFirstWithCursors() throws Exception {
        for (String text : new String[] {"one", "two", "three"}) {
            f.slice.json("POST", messages, "{\"content\":\"" + text + "\"}");
        }
        JsonNode page = json(f.slice.get(messages + "?limit=4"));
        assertThat(page.get("messages")).hasSize(4);
        assertThat(page.get("messages").get(0).get("content").asText()).isEqualTo("Hello there");
        assertThat(page.get("messages").get(0).get("isAgent").asBoolean()).isTrue();
        assertThat(page.get("messages").get(1).get("content").asText()).isEqualTo("three");
        assertThat(page.get("messages").get(1).fieldNames()).toIterable()
                .containsExactly("id", "content", "authorId", "isAgent", "createdAt", "metadata");
        assertThat(page.get("hasMore").asBoolean()).isTrue();
        long before = page.get("cursors").get("before").asLong();
        JsonNode older = json(f.slice.get(messages + "?limit=4&before=" + before));
        assertThat(older.get("messages")).hasSize(2);
        assertThat(older.get("hasMore").asBoolean()).isFalse();
        JsonNode first = json(f.slice.get(messages + "?after=0&limit=2"));
        assertThat(first.get("messages").get(0).get("content").asText()).isEqualTo("Hello there");
        assertThat(first.get("messages").get(1).get("content").asText()).isEqualTo("one");
        JsonNode iso = json(f.slice.get(messages + "?before=2030-01-01T00:00:00.000Z"));
        assertThat(iso.get("messages")).hasSize(6);
    }

    @Test
    void aBadCursorOrLimitIsAnInvalidPagination() throws Exception {
        JsonNode before = error(f.slice.get(messages + "?before=abc"), 400, "VALIDATION_ERROR");
        assertThat(before.get("message").asText())
                .isEqualTo("Invalid pagination parameter 'before': Must be a valid timestamp");
        assertThat(before.get("details").toString())
                .isEqualTo("{\"parameter\":\"before\",\"value\":\"abc\",\"reason\":\"Must be a valid timestamp\"}");
        error(f.slice.get(messages + "?limit=0"), 400, "VALIDATION_ERROR");
    }

    @Test
    void contentMustBeANonEmptyStringOfAtMost4000Characters() throws Exception {
        assertThat(error(f.slice.json("POST", messages, "{\"content\":\"\"}"), 400, "VALIDATION_ERROR")
                .get("message").asText()).isEqualTo("Invalid content: Content cannot be empty");
        assertThat(error(f.slice.json("POST", messages, "{\"content\":42}"), 400, "VALIDATION_ERROR")
                .get("message").asText()).isEqualTo("Invalid content: Invalid message request format");
        assertThat(error(f.slice.json("POST", messages, "{\"content\":\"" + "a".repeat(4001) + "\"}"), 400,
                "VALIDATION_ERROR").get("message").asText())
                .isEqualTo("Invalid content: Content exceeds maximum length of 4000 characters");
        assertThat(f.messaging.messages).isEmpty();
    }

    @Test
    void anUnknownTransportIsInvalidContent() throws Exception {
        assertThat(error(f.slice.json("POST", messages, "{\"content\":\"x\",\"transport\":\"fax\"}"), 400,
                "VALIDATION_ERROR").get("message").asText()).isEqualTo("Invalid content: Invalid transport \"fax\". "
                + "Must be one of: http, sse, websocket, sync, stream");
    }

    @Test
    void messageMetadataMustBeAnObject() throws Exception {
        assertThat(error(f.slice.json("POST", messages, "{\"content\":\"x\",\"metadata\":[1]}"), 400,
                "VALIDATION_ERROR").get("message").asText()).isEqualTo("Invalid metadata: Metadata must be an object");
    }

    @Test
    void sendingToAnUnknownSessionIsNotFound() throws Exception {
        error(f.slice.json("POST", "/api/messaging/sessions/no-such-session/messages", "{\"content\":\"x\"}"), 404,
                "SESSION_NOT_FOUND");
    }

    @Test
    void sendingToAnExpiredSessionIsGone() throws Exception {
        f.clock.advance(Duration.ofHours(1));
        error(f.slice.json("POST", messages, "{\"content\":\"x\"}"), 410, "SESSION_EXPIRED");
        error(f.slice.get(messages), 410, "SESSION_EXPIRED");
    }

    @Test
    void aMessageThatCannotBeStoredIsAMessageSendError() throws Exception {
        f.messaging.failPost = true;
        JsonNode error = error(f.slice.json("POST", messages, "{\"content\":\"x\",\"transport\":\"http\"}"), 500,
                "MESSAGE_SEND_FAILED");
        assertThat(error.get("message").asText()).startsWith("Failed to send message in session '" + session);
        assertThat(f.messaging.openWatches()).isZero();
    }

    @Test
    void aMessageThatCannotBeStoredBecauseTheDatabaseIsDownIsA503() throws Exception {
        f.messaging.postFailure = new IllegalStateException("mapper failed",
                new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
        HttpTester.Response response = f.slice.json("POST", messages, "{\"content\":\"x\"}");
        error(response, 503, "SERVICE_UNAVAILABLE");
        assertThat(response.get("Retry-After")).isEqualTo("5");
    }

    @Test
    void attachmentsAreStoredWithTheMessage() throws Exception {
        JsonNode body = json(f.slice.json("POST", messages,
                "{\"content\":\"look\",\"attachments\":[{\"url\":\"http://x/a.png\"}]}"));
        assertThat(body.get("userMessage").get("attachments").get(0).get("url").asText()).isEqualTo("http://x/a.png");
        assertThat(error(f.slice.json("POST", messages, "{\"content\":\"x\",\"attachments\":\"no\"}"), 400,
                "VALIDATION_ERROR").get("message").asText()).isEqualTo("Invalid content: Attachments must be an array");
    }
}
