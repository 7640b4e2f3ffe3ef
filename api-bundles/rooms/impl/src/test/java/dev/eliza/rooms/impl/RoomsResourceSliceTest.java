package dev.eliza.rooms.impl;

import static dev.eliza.rooms.impl.AgentRoomsSliceTest.assertError;
import static dev.eliza.rooms.impl.RoomsFixture.DEFAULT_SERVER;
import static dev.eliza.rooms.impl.RoomsFixture.PEER;
import static dev.eliza.rooms.impl.RoomsFixture.UNKNOWN;
import static dev.eliza.rooms.impl.RoomsFixture.count;
import static dev.eliza.rooms.impl.RoomsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.events.api.AgentDeletedEvent;

import dev.eliza.rooms.api.Room;

/** The documented {@code /api/rooms/:agentId[/:roomId]} family, in the memory router's shapes and envelope. */
class RoomsResourceSliceTest {
    private static final String ROOMS = "/api/rooms/" + PEER;

    private RoomsFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new RoomsFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private String create(String body) throws Exception {
        HttpTester.Response created = f.slice.json("POST", ROOMS, body);
        assertThat(created.getStatus()).as(created.getContent()).isEqualTo(201);
        return json(created).path("data").path("id").asText();
    }

    @Test
    void createListGetRenameAndDelete() throws Exception {
        String id = create("{\"name\":\"Planning\",\"type\":\"GROUP\",\"metadata\":{\"a\":1}}");
        JsonNode listed = json(f.slice.get(ROOMS)).path("data").path("rooms");
        assertThat(listed).extracting(r -> r.path("id").asText()).containsExactly(PEER.toString(), id);
        assertThat(listed.get(1).path("name").asText()).isEqualTo("Planning");

        HttpTester.Response renamed = f.slice.json("PATCH", ROOMS + "/" + id,
                "{\"name\":\"Planning 2\",\"metadata\":{\"b\":2}}");
        assertThat(renamed.getStatus()).isEqualTo(200);
        JsonNode room = json(renamed).path("data");
        assertThat(room.path("name").asText()).isEqualTo("Planning 2");
        assertThat(room.path("metadata").toString()).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(room.path("worldName").asText()).isEqualTo("World for Planning");
        assertThat(json(f.slice.get(ROOMS + "/" + id)).path("data")).isEqualTo(room);

        assertThat(f.slice.json("PATCH", ROOMS + "/" + id, "{}").getStatus()).isEqualTo(200);
        assertThat(json(f.slice.get(ROOMS + "/" + id)).path("data")).isEqualTo(room);

        HttpTester.Response deleted = f.slice.delete(ROOMS + "/" + id);
        assertThat(deleted.getStatus()).isEqualTo(204);
        assertThat(f.memories.forgotten).containsExactly(UUID.fromString(id));
        assertError(f.slice.get(ROOMS + "/" + id), 404, "NOT_FOUND");
        assertError(f.slice.delete(ROOMS + "/" + id), 404, "NOT_FOUND");
    }

    @Test
    void aChannelsIdNamesTheAgentsRoomOfIt() throws Exception {
        UUID channel = UUID.randomUUID();
        f.channels.add(channel, DEFAULT_SERVER, "General", "GROUP");
        Room room = f.rooms.channelRoom(PEER, channel);
        assertThat(json(f.slice.get(ROOMS + "/" + channel)).path("data").path("id").asText())
                .isEqualTo(room.id().toString());
        assertThat(f.slice.delete(ROOMS + "/" + channel).getStatus()).isEqualTo(204);
        assertThat(f.memories.forgotten).containsExactly(room.id());
        assertThat(RoomsFixture.count("id = '" + room.id() + "'")).isZero();
    }

    @Test
    void theAgentsOwnRoomComesBackAfterADelete() throws Exception {
        assertThat(f.slice.delete(ROOMS + "/" + PEER).getStatus()).isEqualTo(204);
        assertThat(json(f.slice.get(ROOMS + "/" + PEER)).path("data").path("type").asText()).isEqualTo("SELF");
    }

    @Test
    void theRoomsOfAnAgentDeletedGoWithItAndNoOtherAgentLosesAny() throws Exception {
        UUID other = f.agents.add(UUID.randomUUID(), "Other");
        create("{\"name\":\"Planning\"}");
        assertThat(f.slice.json("POST", "/api/rooms/" + other, "{\"name\":\"Kept\"}").getStatus()).isEqualTo(201);
        DeletedAgentRooms listener = new DeletedAgentRooms(f.rooms, f.agents);
        listener.on(new AgentDeletedEvent(PEER, Instant.now()));
        assertThat(count("agent_id = '" + PEER + "'")).isZero();
        assertThat(count("agent_id = '" + other + "'")).isEqualTo(1);
    }

    @Test
    void roomsOfAgentsDeletedWhileTheDomainWasAwayAreSweptAtActivation() throws Exception {
        UUID other = f.agents.add(UUID.randomUUID(), "Other");
        create("{\"name\":\"Planning\"}");
        assertThat(f.slice.json("POST", "/api/rooms/" + other, "{\"name\":\"Kept\"}").getStatus()).isEqualTo(201);
        f.agents.delete(PEER);
        new DeletedAgentRooms(f.rooms, f.agents);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (count("agent_id = '" + PEER + "'") > 0) {
            assertThat(System.nanoTime()).as("the sweep deletes the rooms within 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(count("agent_id = '" + other + "'")).isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() throws Exception {
        String id = create("{\"name\":\"Planning\"}");
        assertError(f.slice.json("PATCH", ROOMS + "/" + id, "{\"name\":7}"), 400, "BAD_REQUEST");
        assertError(f.slice.json("PATCH", ROOMS + "/" + id, "{\"name\":\"ok\",\"metadata\":\"x\"}"), 400,
                "BAD_REQUEST");
        assertError(f.slice.json("PATCH", ROOMS + "/" + id, "[1]"), 400, "BAD_REQUEST");
        assertThat(json(f.slice.get(ROOMS + "/" + id)).path("data").path("name").asText()).isEqualTo("Planning");
        assertError(f.slice.json("PATCH", ROOMS + "/" + UNKNOWN, "{\"name\":\"x\"}"), 404, "NOT_FOUND");
        assertError(f.slice.json("PATCH", ROOMS + "/nope", "{\"name\":\"x\"}"), 400, "INVALID_ID");
        assertError(f.slice.delete(ROOMS + "/nope"), 400, "INVALID_ID");
        assertError(f.slice.get("/api/rooms/nope"), 400, "INVALID_ID");
        assertError(f.slice.get("/api/rooms/" + UNKNOWN), 404, "NOT_FOUND");
        assertError(f.slice.json("POST", "/api/rooms/" + PEER, "{}"), 400, "MISSING_PARAM");
    }

    @Test
    void whenTheMemoriesCannotBeForgottenTheRoomStays() throws Exception {
        String id = create("{\"name\":\"Planning\"}");
        f.memories.failing = true;
        assertThat(f.slice.delete(ROOMS + "/" + id).getStatus()).isEqualTo(500);
        assertThat(f.slice.get(ROOMS + "/" + id).getStatus()).isEqualTo(200);
    }
}
