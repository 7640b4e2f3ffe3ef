package dev.eliza.sessions.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.sessions.api.SessionEvents;

/** The session routes' shapes, expiry and typed errors, over a real PostgreSQL. */
class SessionsSliceTest {
    private static final String BASE = "/api/messaging/sessions";

    private SessionsFixture f;
    private UUID agent;
    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        f = new SessionsFixture();
        agent = f.agents.add(true);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private JsonNode json(HttpTester.Response response) throws Exception {
        return SessionViews.JSON.readTree(response.getContent());
    }

    private JsonNode create(String extra) throws Exception {
        HttpTester.Response response = f.slice.json("POST", BASE, "{\"agentId\":\"" + agent + "\",\"userId\":\""
                + user + "\"" + extra + "}");
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(201);
        return json(response);
    }

    private JsonNode error(HttpTester.Response response, int status, String code) throws Exception {
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.has("success")).isFalse();
        assertThat(body.path("error").path("code").asText()).isEqualTo(code);
        assertThat(body.path("error").path("timestamp").asText()).endsWith("Z");
        assertThat(body.path("error").has("stack")).isFalse();
        return body.get("error");
    }

    @Test
    void createGivesTheDefaultsAndADmChannelOfUserAndAgent() throws Exception {
        JsonNode session = create(",\"metadata\":{\"platform\":\"wire\"}");
        assertThat(session.fieldNames()).toIterable().containsExactly("sessionId", "channelId", "agentId", "userId",
                "createdAt", "metadata", "expiresAt", "timeoutConfig");
        assertThat(session.get("createdAt").asText()).isEqualTo("2026-11-23T16:49:18.058Z");
        assertThat(session.get("expiresAt").asText()).isEqualTo("2026-11-23T17:19:18.058Z");
        assertThat(session.get("timeoutConfig").toString()).isEqualTo(
                "{\"timeoutMinutes\":30,\"autoRenew\":true,\"maxDurationMinutes\":720,\"warningThresholdMinutes\":5}");
        UUID channel = UUID.fromString(session.get("channelId").asText());
        assertThat(f.messaging.channels.get(channel).type()).isEqualTo("DM");
        assertThat(f.messaging.participants.get(channel)).containsExactly(user, agent);
    }

    @Test
    void createClampsTheTimeoutIntoTheServersBounds() throws Exception {
        JsonNode session = create(",\"timeoutConfig\":{\"timeoutMinutes\":2,\"autoRenew\":false,"
                + "\"maxDurationMinutes\":100000,\"warningThresholdMinutes\":3}");
        assertThat(session.get("timeoutConfig").toString()).isEqualTo(
                "{\"timeoutMinutes\":5,\"autoRenew\":false,\"maxDurationMinutes\":2880,\"warningThresholdMinutes\":3}");
        assertThat(session.get("expiresAt").asText()).isEqualTo("2026-11-23T16:54:18.058Z");
    }

    @Test
    void getShowsActivityAndTimeRemaining() throws Exception {
        String id = create("").get("sessionId").asText();
        f.clock.advance(Duration.ofMillis(1033));
        JsonNode info = json(f.slice.get(BASE + "/" + id));
        assertThat(info.fieldNames()).toIterable().containsExactly("sessionId", "channelId", "agentId", "userId",
                "createdAt", "lastActivity", "metadata", "expiresAt", "timeoutConfig", "renewalCount",
                "timeRemaining", "isNearExpiration");
        assertThat(info.get("timeRemaining").asLong()).isEqualTo(1798967);
        assertThat(info.get("isNearExpiration").asBoolean()).isFalse();
        f.clock.advance(Duration.ofMinutes(26));
        assertThat(json(f.slice.get(BASE + "/" + id)).get("isNearExpiration").asBoolean()).isTrue();
    }

    @Test
    void anUnknownOrMalformedSessionIdIsNotFound() throws Exception {
        JsonNode error = error(f.slice.get(BASE + "/no-such-session"), 404, "SESSION_NOT_FOUND");
        assertThat(error.get("message").asText()).isEqualTo("Session with ID 'no-such-session' not found");
        error(f.slice.json("POST", BASE + "/" + UUID.randomUUID() + "/renew", "{}"), 404, "SESSION_NOT_FOUND");
    }

    @Test
    void anIdleSessionExpiresWith410() throws Exception {
        String id = create("").get("sessionId").asText();
        f.clock.advance(Duration.ofMinutes(30));
        JsonNode error = error(f.slice.get(BASE + "/" + id), 410, "SESSION_EXPIRED");
        assertThat(error.path("details").path("expiredAt").asText()).isEqualTo("2026-11-23T17:19:18.058Z");
        error(f.slice.json("POST", BASE + "/" + id + "/heartbeat", "{}"), 410, "SESSION_EXPIRED");
    }

    @Test
    void renewAndHeartbeatPushTheExpiryBackAndTellTheRoom() throws Exception {
        JsonNode session = create("");
        String id = session.get("sessionId").asText();
        f.clock.advance(Duration.ofMinutes(10));
        JsonNode renewed = json(f.slice.json("POST", BASE + "/" + id + "/renew", "{}"));
        assertThat(renewed.get("renewalCount").asInt()).isEqualTo(1);
        assertThat(renewed.get("expiresAt").asText()).isEqualTo("2026-11-23T17:29:18.058Z");
        assertThat(renewed.get("timeRemaining").asLong()).isEqualTo(1800000);
        f.clock.advance(Duration.ofMinutes(10));
        JsonNode beat = json(f.slice.json("POST", BASE + "/" + id + "/heartbeat", "{}"));
        assertThat(beat.get("renewalCount").asInt()).isEqualTo(2);
        assertThat(beat.get("lastActivity").asText()).isEqualTo("2026-11-23T17:09:18.058Z");
        assertThat(f.broadcaster.named(SessionEvents.RENEWED)).hasSize(2)
                .allMatch(s -> s.room().equals(session.get("channelId").asText()));
    }

    @Test
    void aHeartbeatWithoutAutoRenewOnlyRecordsActivity() throws Exception {
        String id = create(",\"timeoutConfig\":{\"autoRenew\":false}").get("sessionId").asText();
        f.clock.advance(Duration.ofMinutes(10));
        JsonNode beat = json(f.slice.json("POST", BASE + "/" + id + "/heartbeat", "{}"));
        assertThat(beat.get("renewalCount").asInt()).isZero();
        assertThat(beat.get("expiresAt").asText()).isEqualTo("2026-11-23T17:19:18.058Z");
        assertThat(beat.get("lastActivity").asText()).isEqualTo("2026-11-23T16:59:18.058Z");
    }

    @Test
    void theMaximumDurationCapsRenewalsAndThenRefusesThem() throws Exception {
        String id = create(",\"timeoutConfig\":{\"timeoutMinutes\":30,\"maxDurationMinutes\":40}")
                .get("sessionId").asText();
        f.clock.advance(Duration.ofMinutes(20));
        JsonNode beat = json(f.slice.json("POST", BASE + "/" + id + "/heartbeat", "{}"));
        assertThat(beat.get("expiresAt").asText()).isEqualTo("2026-11-23T17:29:18.058Z");
        f.clock.advance(Duration.ofMinutes(20));
        error(f.slice.json("POST", BASE + "/" + id + "/renew", "{}"), 410, "SESSION_EXPIRED");
    }

    @Test
    void renewalAtTheMaximumDurationIsRefusedWith400() throws Exception {
        SessionRow row = f.sessions.create(agent, user, SessionViews.JSON.createObjectNode(),
                new dev.eliza.sessions.api.TimeoutConfig(30, true, 30, 5), f.messaging);
        // Still active one millisecond before its end, which is also its maximum.
        f.clock.advance(Duration.ofMinutes(30).minusMillis(1));
        f.store.update(row.with(row.lastActivity(), row.expiresAt().plusSeconds(60), row.timeoutConfig(), 0));
        f.clock.advance(Duration.ofMillis(1));
        JsonNode error = error(f.slice.json("POST", BASE + "/" + row.sessionId() + "/renew", "{}"), 400,
                "SESSION_RENEWAL_FAILED");
        assertThat(error.path("details").path("reason").asText()).isEqualTo("Maximum session duration reached");
    }

    @Test
    void patchTimeoutChangesTheConfigurationAndTheExpiry() throws Exception {
        String id = create("").get("sessionId").asText();
        JsonNode info = json(f.slice.json("PATCH", BASE + "/" + id + "/timeout",
                "{\"timeoutMinutes\":60,\"autoRenew\":true}"));
        assertThat(info.get("timeoutConfig").get("timeoutMinutes").asInt()).isEqualTo(60);
        assertThat(info.get("expiresAt").asText()).isEqualTo("2026-11-23T17:49:18.058Z");
    }

    @Test
    void patchTimeoutOutOfRangeOrOfTheWrongTypeIsAnInvalidTimeoutConfig() throws Exception {
        String id = create("").get("sessionId").asText();
        JsonNode range = error(f.slice.json("PATCH", BASE + "/" + id + "/timeout", "{\"timeoutMinutes\":1}"), 400,
                "VALIDATION_ERROR");
        assertThat(range.get("message").asText())
                .isEqualTo("Invalid timeout configuration: Timeout must be between 5 and 1440 minutes");
        JsonNode type = error(f.slice.json("PATCH", BASE + "/" + id + "/timeout", "{\"autoRenew\":\"yes\"}"), 400,
                "VALIDATION_ERROR");
        assertThat(type.get("details").get("providedConfig").toString()).isEqualTo("{\"autoRenew\":\"yes\"}");
    }

    @Test
    void deleteAnswers200ThenTheSessionIsGone() throws Exception {
        String id = create("").get("sessionId").asText();
        HttpTester.Response deleted = f.slice.delete(BASE + "/" + id);
        assertThat(deleted.getStatus()).isEqualTo(200);
        assertThat(deleted.getContent())
                .isEqualTo("{\"success\":true,\"message\":\"Session " + id + " deleted successfully\"}");
        error(f.slice.delete(BASE + "/" + id), 404, "SESSION_NOT_FOUND");
    }

    @Test
    void listAndHealthCountLiveAndExpiredSessions() throws Exception {
        create(",\"timeoutConfig\":{\"timeoutMinutes\":5}");
        create("");
        f.clock.advance(Duration.ofMinutes(6));
        JsonNode list = json(f.slice.get(BASE));
        assertThat(list.get("sessions")).hasSize(1);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("stats").toString())
                .isEqualTo("{\"totalSessions\":2,\"activeSessions\":1,\"expiredSessions\":1}");
        JsonNode health = json(f.slice.get(BASE + "/health"));
        assertThat(health.fieldNames()).toIterable()
                .containsExactly("status", "activeSessions", "timestamp", "expiringSoon", "uptime");
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        assertThat(health.get("activeSessions").asInt()).isEqualTo(1);
        assertThat(health.get("uptime").asDouble()).isEqualTo(360.0);
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        JsonNode error = error(f.slice.json("POST", BASE, "{}"), 400, "VALIDATION_ERROR");
        assertThat(error.get("message").asText()).isEqualTo("Missing required fields: agentId, userId");
        assertThat(error.get("details").toString()).isEqualTo("{\"missingFields\":[\"agentId\",\"userId\"]}");
    }

    @Test
    void aMalformedUuidIsAnInvalidUuid() throws Exception {
        JsonNode error = error(f.slice.json("POST", BASE, "{\"agentId\":\"not-a-uuid\",\"userId\":\"" + user
                + "\"}"), 400, "VALIDATION_ERROR");
        assertThat(error.get("message").asText()).isEqualTo("Invalid UUID format for field 'agentId'");
        assertThat(error.get("details").toString())
                .isEqualTo("{\"providedValue\":\"not-a-uuid\",\"expectedFormat\":\"UUID v4\"}");
    }

    @Test
    void anUnknownAgentIsAgentNotFound() throws Exception {
        UUID unknown = UUID.randomUUID();
        JsonNode error = error(f.slice.json("POST", BASE, "{\"agentId\":\"" + unknown + "\",\"userId\":\"" + user
                + "\"}"), 404, "AGENT_NOT_FOUND");
        assertThat(error.get("message").asText()).isEqualTo("Agent with ID '" + unknown + "' not found");
        assertThat(f.slice.get(BASE).getContent()).contains("\"total\":0");
    }

    @Test
    void metadataOverTenKilobytesIsInvalidMetadata() throws Exception {
        JsonNode error = error(f.slice.json("POST", BASE, "{\"agentId\":\"" + agent + "\",\"userId\":\"" + user
                + "\",\"metadata\":{\"blob\":\"" + "a".repeat(10240) + "\"}}"), 400, "VALIDATION_ERROR");
        assertThat(error.get("message").asText())
                .isEqualTo("Invalid metadata: Metadata exceeds maximum size of 10240 bytes");
        assertThat(error.get("details").has("providedMetadata")).isTrue();
    }

    @Test
    void aChannelThatCannotBeCreatedIsASessionCreationError() throws Exception {
        f.messaging.failCreate = true;
        JsonNode error = error(f.slice.json("POST", BASE, "{\"agentId\":\"" + agent + "\",\"userId\":\"" + user
                + "\"}"), 500, "SESSION_CREATION_FAILED");
        assertThat(error.get("message").asText()).startsWith("Failed to create session: ");
        assertThat(f.slice.get(BASE).getContent()).contains("\"total\":0");
    }

    @Test
    void aChannelThatCannotBeCreatedBecauseTheDatabaseIsDownIsA503() throws Exception {
        f.messaging.createFailure = new IllegalStateException("mapper failed",
                new java.sql.SQLException("Connection refused", "08001"));
        HttpTester.Response response = f.slice.json("POST", BASE, "{\"agentId\":\"" + agent + "\",\"userId\":\""
                + user + "\"}");
        error(response, 503, "SERVICE_UNAVAILABLE");
        assertThat(response.get("Retry-After")).isEqualTo("5");
    }

    @Test
    void malformedJsonAndAWrongMediaTypeGetTheSessionsEnvelope() throws Exception {
        error(f.slice.json("POST", BASE, "{\"agentId\":"), 400, "INVALID_JSON");
        HttpTester.Response wrongType = f.slice.send("POST", BASE, "text/plain", "hello");
        assertThat(wrongType.getStatus()).isEqualTo(415);
        assertThat(json(wrongType).path("error").has("code")).isTrue();
        assertThat(json(wrongType).has("success")).isFalse();
    }

    @Test
    void settingsComeFromTheSessionVariablesWithDefaultsForBadValues() {
        SessionSettings settings = SessionSettings.from(key -> switch (key) {
            case "SESSION_DEFAULT_TIMEOUT_MINUTES" -> "45";
            case "SESSION_MAX_TIMEOUT_MINUTES" -> "junk";
            case "SESSION_CLEANUP_INTERVAL_MINUTES" -> "1";
            default -> null;
        });
        assertThat(settings).isEqualTo(new SessionSettings(45, 5, 1440, 720, 5, 1));
    }

    @Test
    void serverDefaultsApplyToNewSessions() throws Exception {
        f.close();
        f = new SessionsFixture(new SessionSettings(10, 5, 60, 100, 2, 5));
        agent = f.agents.add(true);
        JsonNode session = create(",\"timeoutConfig\":{\"timeoutMinutes\":600}");
        assertThat(session.get("timeoutConfig").toString()).isEqualTo(
                "{\"timeoutMinutes\":60,\"autoRenew\":true,\"maxDurationMinutes\":100,\"warningThresholdMinutes\":2}");
    }
}
