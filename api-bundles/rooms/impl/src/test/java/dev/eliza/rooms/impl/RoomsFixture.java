package dev.eliza.rooms.impl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.http.testing.ResourceSlice;
import dev.eliza.persistence.impl.SharedTestDatabase;

/**
 * The room routes over a real PostgreSQL (the rooms table emptied for each fixture), fake neighbours and a fixed
 * clock, served by an HTTP slice exactly as the platform mounts them. The agent of the captures is there.
 */
final class RoomsFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final UUID PEER = UUID.fromString("ba201732-6d0d-0ac4-860a-7d7ab0a712eb");
    static final UUID UNKNOWN = UUID.fromString("b23089a9-2a46-4b2f-b606-cc6fcf747923");
    static final UUID DEFAULT_SERVER = new UUID(0, 0);

    final FakeAgents agents = new FakeAgents();
    final InMemoryWorlds worlds = new InMemoryWorlds(agents);
    final FakeChannels channels = new FakeChannels();
    final RecordingMemories memories = new RecordingMemories();
    final RoomDirectory rooms;
    final ResourceSlice slice;

    RoomsFixture() throws Exception {
        agents.add(PEER, "PeerAgent");
        rooms = new RoomDirectory(freshStore(), agents, worlds, channels,
                Clock.fixed(Instant.ofEpochMilli(1_795_452_572_823L), ZoneOffset.UTC));
        rooms.bindMemories(memories);
        slice = ResourceSlice.of(RoomsContribution.resources(rooms, agents, worlds).toArray());
    }

    /** A store over the shared database with the rooms table migrated and empty. */
    static RoomStore freshStore() throws Exception {
        SharedTestDatabase database = SharedTestDatabase.get();
        RoomStore store = RoomDirectory.open(database, RoomsFixture.class.getClassLoader(),
                SharedTestDatabase.migrations(RoomsFixture.class.getClassLoader(), "db/rooms", "create rooms"));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE rooms");
        }
        return store;
    }

    /** How many rows of {@code rooms} match {@code where} (SQL written by the test itself). */
    static long count(String where) throws Exception {
        try (Connection c = SharedTestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM rooms WHERE " + where)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static JsonNode json(HttpTester.Response response) throws Exception {
        return JSON.readTree(response.getContent());
    }

    @Override
    public void close() throws Exception {
        slice.close();
    }
}
