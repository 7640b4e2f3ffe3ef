package dev.eliza.rooms.impl;

import static dev.eliza.rooms.impl.AgentRoomsSliceTest.assertError;
import static dev.eliza.rooms.impl.RoomsFixture.DEFAULT_SERVER;
import static dev.eliza.rooms.impl.RoomsFixture.PEER;
import static dev.eliza.rooms.impl.RoomsFixture.UNKNOWN;
import static dev.eliza.rooms.impl.RoomsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/memory/groups}, against the 1.7.2 captures. */
class GroupsSliceTest {
    private static final String GROUPS = "/api/memory/groups";
    private static final String CREATE = GROUPS + "/" + DEFAULT_SERVER;
    private static final String WORLD = "51e1e312-100c-41e9-8734-5f74411e4fd8";
    private static final String PEER_GROUP_ROOM = "2fd3c560-f6af-0913-bdc3-4b9fe82f0b12";

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
    void aGroupGivesEachAgentItsRoomWithTheIdElizaDerives() throws Exception {
        HttpTester.Response created = f.slice.json("POST", CREATE, "{\"agentIds\":[\"" + PEER + "\"],"
                + "\"name\":\"Wire group\",\"worldId\":\"" + WORLD + "\",\"source\":\"wire\"}");
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContent()).isEqualTo("{\"success\":true,\"data\":[{\"id\":\"" + PEER_GROUP_ROOM
                + "\",\"name\":\"Wire group\",\"source\":\"client\",\"worldId\":\"" + WORLD + "\",\"type\":\"API\"}]}");
        assertThat(f.worlds.find(UUID.fromString(WORLD)).orElseThrow().name()).isEqualTo("Wire group");
        assertThat(f.rooms.roomIdsOfWorld(UUID.fromString(WORLD))).containsExactly(UUID.fromString(PEER_GROUP_ROOM));

        HttpTester.Response again = f.slice.json("POST", CREATE, "{\"agentIds\":[\"" + PEER + "\"],"
                + "\"worldId\":\"" + WORLD + "\"}");
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(RoomsFixture.count("world_id = '" + WORLD + "'")).isEqualTo(1);
    }

    @Test
    void anUnknownAgentIsReportedWith207AndTheOthersKeepTheirRooms() throws Exception {
        HttpTester.Response partial = f.slice.json("POST", CREATE, "{\"agentIds\":[\"" + PEER + "\",\"" + UNKNOWN
                + "\",\"nope\"],\"name\":\"Wire group 2\",\"worldId\":\"" + WORLD + "\",\"source\":\"wire\"}");
        assertThat(partial.getStatus()).isEqualTo(207);
        assertThat(partial.getContent()).isEqualTo("{\"success\":false,\"data\":[{\"id\":\"" + PEER_GROUP_ROOM
                + "\",\"name\":\"Wire group 2\",\"source\":\"client\",\"worldId\":\"" + WORLD + "\",\"type\":\"API\"}],"
                + "\"errors\":[{\"agentId\":\"" + UNKNOWN + "\",\"code\":\"CREATE_ERROR\",\"message\":\"Failed to Create"
                + " group\",\"details\":\"Agent not found: " + UNKNOWN + "\"},{\"agentId\":\"nope\",\"code\":"
                + "\"INVALID_ID\",\"message\":\"Invalid agent ID format\",\"details\":\"Invalid agent ID: nope\"}]}");
        assertThat(RoomsFixture.count("true")).isEqualTo(1);
    }

    @Test
    void withoutAWorldTheGroupJoinsTheAgentsWorldOfTheServer() throws Exception {
        JsonNode room = json(f.slice.json("POST", CREATE, "{\"agentIds\":[\"" + PEER + "\"]}")).path("data").get(0);
        assertThat(room.path("worldId").asText()).isEqualTo(PEER_GROUP_ROOM);
        assertThat(room.path("name").asText()).isEqualTo("Group 00000000");
    }

    @Test
    void badGroupRequestsAreRefused() throws Exception {
        HttpTester.Response noAgents = f.slice.json("POST", CREATE, "{\"name\":\"x\"}");
        assertThat(noAgents.getStatus()).isEqualTo(400);
        assertThat(noAgents.getContent()).isEqualTo(
                "{\"success\":false,\"error\":{\"code\":\"BAD_REQUEST\",\"message\":\"agentIds must be a non-empty array\"}}");
        assertError(f.slice.json("POST", CREATE, "{\"agentIds\":[]}"), 400, "BAD_REQUEST");
        String many = ("\"" + PEER + "\",").repeat(GroupsResource.MAX_AGENTS) + "\"" + PEER + "\"";
        assertError(f.slice.json("POST", CREATE, "{\"agentIds\":[" + many + "]}"), 400, "BAD_REQUEST");
        assertError(f.slice.json("POST", CREATE, "{\"agentIds\":\"" + PEER + "\"}"), 400, "BAD_REQUEST");
        assertError(f.slice.json("POST", CREATE, "{\"agentIds\":[\"" + PEER + "\"],\"worldId\":\"x\"}"), 400,
                "INVALID_ID");
        assertError(f.slice.json("POST", GROUPS + "/nope", "{\"agentIds\":[\"" + PEER + "\"]}"), 400, "INVALID_ID");
        assertError(f.slice.delete(GROUPS + "/nope"), 400, "INVALID_ID");
        assertThat(RoomsFixture.count("true")).isZero();
    }

    @Test
    void deletingAGroupDeletesItsRoomsWithTheirMemoriesAndItsWorld() throws Exception {
        f.slice.json("POST", CREATE, "{\"agentIds\":[\"" + PEER + "\"],\"worldId\":\"" + WORLD + "\"}");
        f.slice.json("POST", "/api/rooms/" + PEER, "{\"name\":\"Elsewhere\"}");
        JsonNode groups = json(f.slice.get(GROUPS)).path("data").path("groups");
        assertThat(groups).extracting(g -> g.path("id").asText()).contains(WORLD);
        JsonNode group = groups.get(0);
        assertThat(group.path("id").asText()).isEqualTo(WORLD);
        assertThat(group.path("rooms")).extracting(r -> r.path("id").asText()).containsExactly(PEER_GROUP_ROOM);

        HttpTester.Response deleted = f.slice.delete(GROUPS + "/" + WORLD);
        assertThat(deleted.getStatus()).isEqualTo(204);
        assertThat(f.memories.forgotten).containsExactly(UUID.fromString(PEER_GROUP_ROOM));
        assertThat(RoomsFixture.count("world_id = '" + WORLD + "'")).isZero();
        assertThat(RoomsFixture.count("name = 'Elsewhere'")).isEqualTo(1);
        assertThat(f.worlds.find(UUID.fromString(WORLD))).isEmpty();
        assertThat(f.slice.delete(GROUPS + "/" + WORLD).getStatus()).isEqualTo(204);
    }

    @Test
    void whenTheMemoriesCannotBeForgottenTheRoomsStay() throws Exception {
        f.slice.json("POST", CREATE, "{\"agentIds\":[\"" + PEER + "\"],\"worldId\":\"" + WORLD + "\"}");
        f.memories.failing = true;
        assertThat(f.slice.delete(GROUPS + "/" + WORLD).getStatus()).isEqualTo(500);
        assertThat(RoomsFixture.count("world_id = '" + WORLD + "'")).isEqualTo(1);
        assertThat(f.worlds.find(UUID.fromString(WORLD))).isPresent();
    }

    @Test
    void withoutTheMemoryDomainGroupsAreStillDeleted() throws Exception {
        f.slice.json("POST", CREATE, "{\"agentIds\":[\"" + PEER + "\"],\"worldId\":\"" + WORLD + "\"}");
        f.rooms.unbindMemories(f.memories);
        assertThat(f.slice.delete(GROUPS + "/" + WORLD).getStatus()).isEqualTo(204);
        assertThat(RoomsFixture.count("true")).isZero();
        assertThat(f.memories.forgotten).isEmpty();
        assertThat(f.worlds.list(Optional.of(PEER))).isEmpty();
    }
}
