package dev.eliza.rooms.impl;

import static dev.eliza.rooms.impl.RoomsFixture.DEFAULT_SERVER;
import static dev.eliza.rooms.impl.RoomsFixture.PEER;
import static dev.eliza.rooms.impl.RoomsFixture.UNKNOWN;
import static dev.eliza.rooms.impl.RoomsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.messaging.api.Channel;
import dev.eliza.rooms.api.Room;

/** {@code /api/memory/:agentId/rooms} and its {@code /api/agents} mount, against the 1.7.2 captures. */
class AgentRoomsSliceTest {
    private static final String ROOMS = "/api/memory/" + PEER + "/rooms";
    private static final String SELF_ROOM = "{\"id\":\"" + PEER + "\",\"name\":\"PeerAgent\",\"channelId\":\"" + PEER
            + "\",\"agentId\":\"" + PEER + "\",\"messageServerId\":\"" + PEER + "\",\"worldId\":\"" + PEER
            + "\",\"type\":\"SELF\",\"source\":\"elizaos\",\"metadata\":null,\"serverId\":\"" + PEER + "\"}";
    private static final UUID CHANNEL = UUID.fromString("ec1de6fe-4464-47cb-b52e-e2d46c05207e");

    private RoomsFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new RoomsFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void everyAgentHasItsOwnRoomInItsOwnWorld() throws Exception {
        HttpTester.Response listed = f.slice.get(ROOMS);
        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat(listed.getContent()).isEqualTo("{\"success\":true,\"data\":{\"rooms\":[" + SELF_ROOM + "]}}");
        assertThat(f.slice.get("/api/agents/" + PEER + "/rooms").getContent()).isEqualTo(listed.getContent());
        assertThat(f.worlds.find(PEER).orElseThrow().name()).isEqualTo("PeerAgent");
        assertThat(RoomsFixture.count("agent_id = '" + PEER + "'")).isEqualTo(1);
    }

    @Test
    void aCreatedRoomIsAnsweredAndReadBackInTheWireShapes() throws Exception {
        HttpTester.Response created = f.slice.json("POST", ROOMS,
                "{\"name\":\"Wire room\",\"type\":\"GROUP\",\"source\":\"wire\",\"metadata\":{\"k\":\"v\"}}");
        assertThat(created.getStatus()).as(created.getContent()).isEqualTo(201);
        JsonNode room = json(created).path("data");
        String id = room.path("id").asText();
        String world = room.path("worldId").asText();
        assertThat(room.toString()).isEqualTo("{\"id\":\"" + id + "\",\"name\":\"Wire room\",\"agentId\":\"" + PEER
                + "\",\"createdAt\":1795452572823,\"source\":\"wire\",\"type\":\"GROUP\",\"worldId\":\"" + world
                + "\",\"metadata\":{\"k\":\"v\"}}");

        HttpTester.Response got = f.slice.get(ROOMS + "/" + id);
        assertThat(got.getStatus()).isEqualTo(200);
        assertThat(json(got).path("data").toString()).isEqualTo("{\"id\":\"" + id + "\",\"name\":\"Wire room\","
                + "\"channelId\":\"" + id + "\",\"agentId\":\"" + PEER + "\",\"messageServerId\":null,\"worldId\":\""
                + world + "\",\"type\":\"GROUP\",\"source\":\"wire\",\"metadata\":{\"k\":\"v\"},\"serverId\":null,"
                + "\"worldName\":\"World for Wire room\"}");
        assertThat(f.worlds.find(UUID.fromString(world)).orElseThrow().agentId()).isEqualTo(PEER);
        HttpTester.Response viaAgents = f.slice.json("POST", "/api/agents/" + PEER + "/rooms", "{\"name\":\"Second\"}");
        assertThat(viaAgents.getStatus()).isEqualTo(201);
        String second = json(viaAgents).path("data").path("id").asText();
        JsonNode listed = json(f.slice.get("/api/agents/" + PEER + "/rooms")).path("data").path("rooms");
        // Both were made at the fixture's one instant, so only the agent's own room has a fixed place.
        assertThat(listed.get(0).path("id").asText()).isEqualTo(PEER.toString());
        assertThat(listed).extracting(node -> node.path("id").asText())
                .containsExactlyInAnyOrder(PEER.toString(), id, second);
    }

    @Test
    void aRoomCreatedInAGivenWorldJoinsItAndDefaultsAreThoseOf1_7_2() throws Exception {
        UUID world = f.worlds.ensure(UUID.randomUUID(), PEER, "Existing", Json.object(), Optional.empty())
                .id();
        JsonNode room = json(f.slice.json("POST", ROOMS, "{\"name\":\"In world\",\"worldId\":\"" + world + "\"}"))
                .path("data");
        assertThat(room.path("worldId").asText()).isEqualTo(world.toString());
        assertThat(room.path("type").asText()).isEqualTo("DM");
        assertThat(room.path("source").asText()).isEqualTo("client");
        assertThat(room.path("metadata").isNull()).isTrue();
        assertThat(json(f.slice.get(ROOMS + "/" + room.path("id").asText())).path("data").path("worldName").asText())
                .isEqualTo("Existing");
        assertThat(f.worlds.list(Optional.empty())).hasSize(1);
    }

    @Test
    void badCreatesAreRefusedWithNothingWritten() throws Exception {
        HttpTester.Response noName = f.slice.json("POST", ROOMS, "{}");
        assertThat(noName.getStatus()).isEqualTo(400);
        assertThat(noName.getContent())
                .isEqualTo("{\"success\":false,\"error\":{\"code\":\"MISSING_PARAM\",\"message\":\"Room name is required\"}}");
        assertThat(f.slice.json("POST", ROOMS, "").getStatus()).isEqualTo(400);
        assertError(f.slice.json("POST", ROOMS, "{\"name\":7}"), 400, "BAD_REQUEST");
        assertError(f.slice.json("POST", ROOMS, "{\"name\":\"" + "n".repeat(RoomBodies.MAX_TEXT + 1) + "\"}"), 400,
                "BAD_REQUEST");
        assertError(f.slice.json("POST", ROOMS, "{\"name\":\"x\",\"type\":\"LOBBY\"}"), 400, "BAD_REQUEST");
        assertError(f.slice.json("POST", ROOMS, "{\"name\":\"x\",\"metadata\":[1]}"), 400, "BAD_REQUEST");
        assertError(f.slice.json("POST", ROOMS, "{\"name\":\"x\",\"worldId\":\"nope\"}"), 400, "INVALID_ID");
        assertError(f.slice.json("POST", ROOMS, "{\"name\":\"x\",\"serverId\":12}"), 400, "INVALID_ID");
        assertError(f.slice.json("POST", ROOMS, "[\"x\"]"), 400, "BAD_REQUEST");
        assertError(f.slice.json("POST", ROOMS, "{\"name\":"), 400, "INVALID_JSON");
        assertError(f.slice.send("POST", ROOMS, "text/plain", "name=x"), 415, "INVALID_CONTENT_TYPE");
        assertError(f.slice.json("POST", "/api/memory/" + UNKNOWN + "/rooms", "{\"name\":\"x\"}"), 404, "NOT_FOUND");
        assertThat(RoomsFixture.count("true")).isZero();
        assertThat(f.worlds.list(Optional.empty())).isEmpty();
    }

    @Test
    void aRoomIsNotWrittenWhenItsWorldCannotBe() throws Exception {
        f.slice.get(ROOMS);
        f.worlds.failure = new IllegalStateException("agents database down");
        assertThat(f.slice.json("POST", ROOMS, "{\"name\":\"x\"}").getStatus()).isEqualTo(500);
        f.worlds.failure = new NoSuchElementException("Agent not found: " + PEER);
        assertError(f.slice.json("POST", ROOMS, "{\"name\":\"x\"}"), 404, "NOT_FOUND");
        assertThat(RoomsFixture.count("true")).isEqualTo(1);
        assertThat(f.worlds.list(Optional.empty())).hasSize(1);
    }

    @Test
    void anAgentDeletedWhileItsRoomsAreListedIsNoServerError() throws Exception {
        // the directory still shows the agent, the agents domain no longer has it: deleted between the two reads
        f.worlds.failure = new NoSuchElementException("Agent not found: " + PEER);
        HttpTester.Response listed = f.slice.get(ROOMS);
        assertThat(listed.getStatus()).as(listed.getContent()).isEqualTo(200);
        assertThat(RoomsFixture.JSON.readTree(listed.getContent()).at("/data/rooms")).isEmpty();
        assertError(f.slice.get(ROOMS + "/" + PEER), 404, "NOT_FOUND");
        assertThat(RoomsFixture.count("true")).isZero();
    }

    @Test
    void idsAreCheckedAndUnknownRoomsAndAgentsAre404() throws Exception {
        HttpTester.Response unknownRoom = f.slice.get(ROOMS + "/" + UNKNOWN);
        assertThat(unknownRoom.getStatus()).isEqualTo(404);
        assertThat(unknownRoom.getContent())
                .isEqualTo("{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Room not found\"}}");
        HttpTester.Response badAgent = f.slice.get("/api/memory/nope/rooms");
        assertThat(badAgent.getStatus()).isEqualTo(400);
        assertThat(badAgent.getContent())
                .isEqualTo("{\"success\":false,\"error\":{\"code\":\"INVALID_ID\",\"message\":\"Invalid agent ID format\"}}");
        assertError(f.slice.get(ROOMS + "/nope"), 400, "INVALID_ID");
        assertError(f.slice.get("/api/memory/" + UNKNOWN + "/rooms"), 404, "NOT_FOUND");
        assertError(f.slice.get("/api/agents/" + UNKNOWN + "/rooms/" + PEER), 404, "NOT_FOUND");
    }

    @Test
    void theRoomOfAChannelHasTheIdsElizaDerivesAndIsFoundByTheChannelsId() throws Exception {
        f.channels.add(CHANNEL, DEFAULT_SERVER, "Wire channel", "GROUP");
        assertThat(f.slice.get(ROOMS + "/" + CHANNEL).getStatus()).isEqualTo(404);

        Room room = f.rooms.channelRoom(PEER, CHANNEL);
        assertThat(room.id()).isEqualTo(UUID.fromString("3f930088-5e99-04c0-85d7-74a6aa5b43fd"));
        assertThat(room.worldId()).contains(UUID.fromString("2fd3c560-f6af-0913-bdc3-4b9fe82f0b12"));
        assertThat(f.worlds.find(room.worldId().orElseThrow()).orElseThrow().messageServerId())
                .contains(DEFAULT_SERVER);

        HttpTester.Response got = f.slice.get(ROOMS + "/" + CHANNEL);
        assertThat(got.getStatus()).isEqualTo(200);
        assertThat(json(got).path("data").toString()).isEqualTo("{\"id\":\"3f930088-5e99-04c0-85d7-74a6aa5b43fd\","
                + "\"name\":\"Channel ec1de6fe\",\"channelId\":\"" + CHANNEL + "\",\"agentId\":\"" + PEER + "\","
                + "\"messageServerId\":\"" + DEFAULT_SERVER + "\",\"worldId\":\"2fd3c560-f6af-0913-bdc3-4b9fe82f0b12\","
                + "\"type\":\"GROUP\",\"source\":\"client\",\"metadata\":null,\"serverId\":\"" + DEFAULT_SERVER + "\","
                + "\"worldName\":\"Server 00000000\"}");
        assertThat(f.rooms.find(PEER, room.id())).contains(room);
        assertThat(f.rooms.channelRoom(PEER, CHANNEL)).isEqualTo(room);
    }

    @Test
    void aDmChannelGivesADmRoomAndAChannelsSourceIsTheRooms() {
        UUID dm = UUID.randomUUID();
        f.channels.add(dm, DEFAULT_SERVER, "DM-a-b", "DM");
        assertThat(f.rooms.channelRoom(PEER, dm).type()).isEqualTo("DM");
        UUID gui = UUID.randomUUID();
        f.channels.channels.put(gui, new Channel(gui, DEFAULT_SERVER, "From the GUI", "GROUP",
                Json.object().put("source", "eliza_gui")));
        assertThat(f.rooms.channelRoom(PEER, gui).source()).isEqualTo("eliza_gui");
    }

    @Test
    void concurrentFirstMessagesOfAChannelMakeOneRoom() throws Exception {
        f.channels.add(CHANNEL, DEFAULT_SERVER, "Wire channel", "GROUP");
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Room>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return f.rooms.channelRoom(PEER, CHANNEL);
                }));
            }
            start.countDown();
            Room first = results.get(0).get();
            for (Future<Room> result : results) {
                assertThat(result.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(RoomsFixture.count("channel_id = '" + CHANNEL + "'")).isEqualTo(1);
    }

    @Test
    void aChannelRoomNeedsTheChannelAndTheAgent() {
        assertThatThrownBy(() -> f.rooms.channelRoom(PEER, CHANNEL)).isInstanceOf(NoSuchElementException.class);
        f.channels.add(CHANNEL, DEFAULT_SERVER, "Wire channel", "GROUP");
        assertThatThrownBy(() -> f.rooms.channelRoom(UNKNOWN, CHANNEL)).isInstanceOf(NoSuchElementException.class);
        assertThat(f.rooms.find(UNKNOWN, UNKNOWN)).isEmpty();
    }

    static void assertError(HttpTester.Response response, int status, String code) throws Exception {
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("code").asText()).isEqualTo(code);
    }
}
