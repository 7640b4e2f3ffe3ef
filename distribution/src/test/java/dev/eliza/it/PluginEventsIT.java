package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shipped event-log plugin hears platform events, runs its service, reads agents and posts channel messages.
 * A probe bundle publishes the events and records the posts, standing in for the agent runtime and messaging
 * domains.
 */
class PluginEventsIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final UUID CHANNEL = UUID.randomUUID();

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env(
            "PLUGIN_EVENT_LOG_ANNOUNCE_CHANNEL", CHANNEL.toString()));

    @BeforeAll
    static void deployProbe() throws Exception {
        ModuleJars.deploy(PLATFORM.home().resolve("deploy"), "events-probe.jar", ModuleJars.eventsProbeBundle());
        Http http = PLATFORM.http();
        Awaits.until(WAIT, "the events probe serves", () -> http.get("/api/probe-events/posts").status() == 200);
    }

    @Test
    void eventsReachTheListenerWhichAnnouncesStartedAgentsInTheirChannel() throws Exception {
        Http http = PLATFORM.http();
        String agent = http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"Herald\"}}").json()
                .path("data").path("id").asText();
        assertThat(stats(http).path("agents").toString()).contains("Herald");
        assertThat(stats(http).path("starts").asLong()).isPositive();

        publish(http, "agent-started", agent, "Herald");
        Awaits.until(WAIT, "agentStarted counted", () -> count(http, "agentStarted") == 1);
        Awaits.until(WAIT, "the announcement posted", () -> http.get("/api/probe-events/posts").body()
                .contains("Herald is online"));
        JsonNode post = announcement(http);
        assertThat(post.path("channelId").asText()).isEqualTo(CHANNEL.toString());
        assertThat(post.path("authorId").asText()).isEqualTo(agent);
        assertThat(post.path("text").asText()).isEqualTo("Herald is online");

        publish(http, "message-received", agent, "Herald");
        publish(http, "reply-sent", agent, "Herald");
        Awaits.until(WAIT, "messages counted", () -> count(http, "messageReceived") == 1
                && count(http, "replySent") == 1);
        assertThat(stats(http).path("last").asText()).isEqualTo("replySent " + agent + ": hi");
    }

    @Test
    void aDisabledPluginHearsNothingAndItsServiceRestartsWithIt() throws Exception {
        Http http = PLATFORM.http();
        String agent = UUID.randomUUID().toString();
        long startsBefore = stats(http).path("starts").asLong();
        long stoppedBefore = count(http, "agentStopped");
        assertThat(http.json("POST", "/api/plugins/event-log/disable", "").status()).isEqualTo(200);
        publish(http, "agent-stopped", agent, "Ghost");
        assertThat(http.json("POST", "/api/plugins/event-log/enable", "").status()).isEqualTo(200);
        assertThat(stats(http).path("starts").asLong()).isEqualTo(startsBefore + 1);
        publish(http, "agent-stopped", agent, "Ghost");
        Awaits.until(WAIT, "the event after enable counted", () -> count(http, "agentStopped") > stoppedBefore);
        assertThat(count(http, "agentStopped")).isEqualTo(stoppedBefore + 1);
    }

    @Test
    void aPluginRoutePostsIntoAChannelThroughTheMessagingContract() throws Exception {
        Http http = PLATFORM.http();
        assertThat(http.bytes("POST", "/api/plugins", "application/java-archive",
                ModuleJars.testPlugin("poster", "PostingRoutes")).status()).isEqualTo(201);
        UUID channel = UUID.randomUUID();
        Http.Reply post = http.json("POST", "/api/plugins/poster/post?channel=" + channel + "&text=hello", "");
        assertThat(post.status()).as(post.body()).isEqualTo(200);
        String id = post.json().path("id").asText();
        Awaits.until(WAIT, "the post recorded", () -> http.get("/api/probe-events/posts").body().contains(id));
        assertThat(http.get("/api/probe-events/posts").body()).contains("\"channelId\":\"" + channel + "\"");
        assertThat(http.delete("/api/plugins/poster").status()).isEqualTo(204);
    }

    private static void publish(Http http, String kind, String agent, String name) throws Exception {
        Http.Reply reply = http.json("POST", "/api/probe-events/" + kind + "?agentId=" + agent + "&name=" + name
                + "&text=hi", "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static JsonNode announcement(Http http) throws Exception {
        for (JsonNode post : http.get("/api/probe-events/posts").json()) {
            if (post.path("text").asText().equals("Herald is online")) {
                return post;
            }
        }
        throw new AssertionError("no announcement");
    }

    private static JsonNode stats(Http http) throws Exception {
        Http.Reply reply = http.get("/api/plugins/event-log/stats");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static long count(Http http, String kind) throws Exception {
        return stats(http).path("events").path(kind).asLong();
    }
}
