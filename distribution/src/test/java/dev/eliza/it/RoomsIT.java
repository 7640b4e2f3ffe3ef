package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.rooms.api.ElizaIds;

/**
 * The rooms domain on the real platform, over its PostgreSQL and the real messaging and agents domains: the room
 * of a DM channel (asked for by a probe standing in for the agent runtime, many times at once), groups, the
 * {@code /api/rooms} family, the real {@code @elizaos/api-client} {@code memory} service, the module stopped and
 * started again, and, when the memory domain is there, the room the runtime makes for a channel its agent hears.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoomsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final UUID DEFAULT_SERVER = new UUID(0, 0);
    private static final String UNKNOWN = "b23089a9-2a46-4b2f-b606-cc6fcf747923";

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env());
    static Http http;
    static String agent;

    @BeforeAll
    static void anAgent() throws Exception {
        http = PLATFORM.http();
        Http.Reply created = http.json("POST", "/api/agents", "{\"agent\":{\"name\":\"Roomy\",\"bio\":[\"Rooms.\"]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        agent = created.json().at("/data/id").asText();
    }

    @Test
    @Order(1)
    void theAgentsRoomOfADmChannelIsFoundByTheChannelsIdOnceItExists() throws Exception {
        String user = UUID.randomUUID().toString();
        Http.Reply dm = http.get("/api/messaging/dm-channel?targetUserId=" + agent + "&currentUserId=" + user);
        assertThat(dm.status()).as(dm.body()).isEqualTo(200);
        UUID channel = UUID.fromString(dm.json().at("/data/id").asText());
        String byChannel = "/api/memory/" + agent + "/rooms/" + channel;
        assertThat(http.get(byChannel).status()).isEqualTo(404);

        ModuleJars.deploy(PLATFORM.home().resolve("deploy"), "rooms-probe.jar", RoomsProbe.bundle());
        String probe = "/api/probe-rooms/" + agent + "/channels/" + channel + "?callers=8";
        AtomicReference<Http.Reply> first = new AtomicReference<>();
        Awaits.until(WAIT, "the rooms probe serves", () -> {
            first.set(http.json("POST", probe, ""));
            return first.get().status() == 200;
        });
        // The first answer is that of eight concurrent first calls: they all got the one room ElizaOS derives.
        UUID room = ElizaIds.unique(channel, UUID.fromString(agent));
        assertThat(first.get().json().path("roomIds").toString()).isEqualTo("[\"" + room + "\"]");

        Http.Reply found = http.get(byChannel);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        JsonNode data = found.json().path("data");
        UUID world = ElizaIds.unique(DEFAULT_SERVER, UUID.fromString(agent));
        assertThat(data.path("id").asText()).isEqualTo(room.toString());
        assertThat(data.path("name").asText()).isEqualTo("Channel " + channel.toString().substring(0, 8));
        assertThat(data.path("type").asText()).isEqualTo("DM");
        assertThat(data.path("worldId").asText()).isEqualTo(world.toString());
        assertThat(data.path("worldName").asText()).isEqualTo("Server 00000000");
        assertThat(http.get("/api/agents/" + agent + "/rooms/" + room).json().path("data")).isEqualTo(data);

        JsonNode rooms = http.get("/api/memory/" + agent + "/rooms").json().at("/data/rooms");
        assertThat(rooms).extracting(r -> r.path("id").asText()).containsExactly(agent, room.toString());
        assertThat(rooms.get(0).path("type").asText()).isEqualTo("SELF");
        JsonNode worlds = http.get("/api/agents/" + agent + "/worlds").json().at("/data/worlds");
        assertThat(worlds).extracting(w -> w.path("id").asText()).contains(agent, world.toString());
    }

    @Test
    @Order(2)
    void groupsAreCreatedForTheAgentsThatExistAndDeletedWithTheirWorld() throws Exception {
        String world = UUID.randomUUID().toString();
        Http.Reply partial = http.json("POST", "/api/memory/groups/" + DEFAULT_SERVER, "{\"agentIds\":[\"" + agent
                + "\",\"" + UNKNOWN + "\"],\"name\":\"IT group\",\"worldId\":\"" + world + "\"}");
        assertThat(partial.status()).as(partial.body()).isEqualTo(207);
        String room = ElizaIds.unique(DEFAULT_SERVER, UUID.fromString(agent)).toString();
        assertThat(partial.json().at("/data/0/id").asText()).isEqualTo(room);
        assertThat(partial.json().at("/errors/0/details").asText()).isEqualTo("Agent not found: " + UNKNOWN);

        JsonNode group = group(world);
        assertThat(group.path("name").asText()).isEqualTo("IT group");
        assertThat(group.path("rooms")).extracting(r -> r.path("id").asText()).containsExactly(room);
        assertThat(http.get("/api/agents/" + agent + "/worlds").body()).contains(world);

        assertThat(http.delete("/api/memory/groups/" + world).status()).isEqualTo(204);
        assertThat(group(world)).isNull();
        assertThat(http.get("/api/memory/" + agent + "/rooms/" + room).status()).isEqualTo(404);
        assertThat(http.get("/api/agents/" + agent + "/worlds").body()).doesNotContain(world);
        assertError(http.json("POST", "/api/memory/groups/" + DEFAULT_SERVER, "{\"name\":\"x\"}"), 400, "BAD_REQUEST");
        assertError(http.delete("/api/memory/groups/nope"), 400, "INVALID_ID");
    }

    @Test
    @Order(3)
    void theRoomsFamilyCreatesReadsChangesAndDeletes() throws Exception {
        String base = "/api/rooms/" + agent;
        Http.Reply created = http.json("POST", base, "{\"name\":\"Planning\",\"type\":\"GROUP\","
                + "\"metadata\":{\"a\":1}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().at("/data/id").asText();
        String world = created.json().at("/data/worldId").asText();
        assertThat(http.get("/api/agents/" + agent + "/worlds").body()).contains(world, "World for Planning");

        Http.Reply changed = http.json("PATCH", base + "/" + id, "{\"name\":\"Planning 2\",\"metadata\":{\"b\":2}}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().at("/data/metadata").toString()).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(http.get(base + "/" + id).json().at("/data/name").asText()).isEqualTo("Planning 2");
        assertThat(http.get(base).json().at("/data/rooms").toString()).contains(id);

        assertThat(http.delete(base + "/" + id).status()).isEqualTo(204);
        assertError(http.get(base + "/" + id), 404, "NOT_FOUND");
        assertError(http.json("POST", base, "{}"), 400, "MISSING_PARAM");
        assertError(http.json("POST", base, "{\"name\":\"x\",\"type\":\"LOBBY\"}"), 400, "BAD_REQUEST");
        assertError(http.json("PATCH", base + "/" + UNKNOWN, "{\"name\":\"x\"}"), 404, "NOT_FOUND");
        assertError(http.get("/api/rooms/nope"), 400, "INVALID_ID");
        assertError(http.get("/api/rooms/" + UNKNOWN), 404, "NOT_FOUND");
    }

    @Test
    @Order(4)
    void theApiClientsMemoryServiceDrivesRoomsAndWorlds() throws Exception {
        NodeTests.Result result = NodeTests.run("rooms.test.mjs",
                Map.of("BASE_URL", "http://127.0.0.1:" + PLATFORM.process().port()));
        System.out.println(result.output());
        assertThat(result.output()).contains("ℹ fail 0");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    @Order(5)
    void aStoppedRoomsModuleAnswers404AndServesTheSameRoomsWhenStartedAgain() throws Exception {
        String before = http.get("/api/rooms/" + agent).body();
        Http.Reply stopped = http.json("POST", "/api/server/modules/rooms/stop", "");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(http.get("/api/rooms/" + agent).status()).isEqualTo(404);
        assertThat(http.get("/api/memory/" + agent + "/rooms").status()).isEqualTo(404);
        assertThat(http.get("/api/agents/" + agent).status()).isEqualTo(200);
        Http.Reply started = http.json("POST", "/api/server/modules/rooms/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(http.get("/api/rooms/" + agent).body()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void theRuntimeMakesTheRoomOfAChannelItHearsAndDeletingTheRoomForgetsItsMemories() throws Exception {
        assumeTrue(http.get("/api/server/modules").body().contains("\"memory-impl\""),
                "the agent runtime files memories, and so asks for rooms, only when the memory domain is there");
        String listener = http.json("POST", "/api/agents",
                "{\"agent\":{\"name\":\"Listener\",\"bio\":[\"Hears.\"]}}").json().at("/data/id").asText();
        assertThat(http.json("POST", "/api/agents/" + listener + "/start", "").status()).isEqualTo(200);
        String user = UUID.randomUUID().toString();
        String channel = http.get("/api/messaging/dm-channel?targetUserId=" + listener + "&currentUserId=" + user)
                .json().at("/data/id").asText();
        Http.Reply posted = http.json("POST", "/api/messaging/channels/" + channel + "/messages",
                "{\"author_id\":\"" + user + "\",\"content\":\"Remember the blue door.\",\"message_server_id\":\""
                        + DEFAULT_SERVER + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);

        String room = ElizaIds.unique(UUID.fromString(channel), UUID.fromString(listener)).toString();
        String memories = "/api/memory/" + listener + "/memories?roomId=" + room;
        Awaits.until(WAIT, "the listener's room of the channel holds what it heard and said",
                () -> http.get(memories).json().at("/data/memories").size() >= 2);
        assertThat(http.get("/api/memory/" + listener + "/rooms/" + channel).json().at("/data/id").asText())
                .isEqualTo(room);

        assertThat(http.delete("/api/rooms/" + listener + "/" + channel).status()).isEqualTo(204);
        assertThat(http.get(memories).json().at("/data/memories").size()).isZero();
        assertThat(http.get("/api/memory/" + listener + "/rooms/" + channel).status()).isEqualTo(404);
    }

    private static JsonNode group(String worldId) throws Exception {
        for (JsonNode group : http.get("/api/memory/groups").json().at("/data/groups")) {
            if (group.path("id").asText().equals(worldId)) {
                return group;
            }
        }
        return null;
    }

    private static void assertError(Http.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().path("success").asBoolean(true)).isFalse();
        assertThat(reply.json().at("/error/code").asText()).isEqualTo(code);
    }
}
