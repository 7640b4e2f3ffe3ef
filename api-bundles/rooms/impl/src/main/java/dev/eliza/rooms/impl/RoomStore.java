package dev.eliza.rooms.impl;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.rooms.api.Room;

/**
 * Rooms in PostgreSQL. The writes that go with a neighbour's write (a room and its world, a deletion and the
 * forgetting of its memories) run the neighbour's work inside the room's transaction, after the room's statement:
 * when the neighbour fails, the room's change is rolled back, so nothing is half-written.
 */
final class RoomStore {
    private final SqlSessionFactory sessions;

    RoomStore(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    List<Room> byAgent(UUID agentId) {
        return read(m -> m.findByAgent(agentId).stream().map(RoomStore::toRoom).toList());
    }

    Optional<Room> find(UUID agentId, UUID roomOrChannelId) {
        return read(m -> Optional.ofNullable(m.find(agentId, roomOrChannelId)).map(RoomStore::toRoom));
    }

    Optional<Room> byChannel(UUID agentId, UUID channelId) {
        return read(m -> Optional.ofNullable(m.findByChannel(agentId, channelId)).map(RoomStore::toRoom));
    }

    List<Room> inWorlds() {
        return read(m -> m.findInWorlds().stream().map(RoomStore::toRoom).toList());
    }

    List<UUID> idsOfWorld(UUID worldId) {
        return read(m -> m.idsOfWorld(worldId).stream().map(UUID::fromString).toList());
    }

    /** Stores the room unless its id or its channel is taken; the stored room (this one or the first) is returned. */
    Room insert(Room room) {
        return insert(room, () -> {
        });
    }

    /**
     * Stores the room unless its id or its channel is taken, running {@code alongside} before the commit; the
     * stored room (the one given, or whichever came first) is returned.
     */
    Room insert(Room room, Runnable alongside) {
        return write(m -> {
            m.insertIfAbsent(toRow(room));
            alongside.run();
            RoomRow stored = room.channelId().map(channel -> m.findByChannel(room.agentId(), channel))
                    .orElseGet(() -> m.findById(room.id()));
            return toRoom(stored);
        });
    }

    Optional<Room> update(UUID agentId, UUID roomId, Optional<String> name, Optional<ObjectNode> metadata) {
        return write(m -> {
            if (m.update(agentId, roomId, name.orElse(null), metadata.map(Json::write).orElse(null)) == 0) {
                return Optional.empty();
            }
            return Optional.of(toRoom(m.findById(roomId)));
        });
    }

    /** Deletes the agent's room, running {@code forget} with its id before the commit; false if there was none. */
    boolean delete(UUID agentId, UUID roomId, Consumer<Collection<UUID>> forget) {
        return write(m -> {
            if (m.delete(agentId, roomId) == 0) {
                return false;
            }
            forget.accept(List.of(roomId));
            return true;
        });
    }

    /** Deletes every room of the world, running {@code forget} with their ids before the commit. */
    List<UUID> deleteWorld(UUID worldId, Consumer<Collection<UUID>> forget) {
        return write(m -> {
            List<UUID> ids = m.deleteWorld(worldId).stream().map(UUID::fromString).toList();
            if (!ids.isEmpty()) {
                forget.accept(ids);
            }
            return ids;
        });
    }

    /** Deletes every room of the agent; how many there were. */
    int deleteAgent(UUID agentId) {
        return write(m -> m.deleteAgent(agentId));
    }

    /** The agents that have rooms. */
    List<UUID> agentIds() {
        return read(RoomMapper::agentIds).stream().map(UUID::fromString).toList();
    }

    private <T> T read(Function<RoomMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(RoomMapper.class));
        }
    }

    private <T> T write(Function<RoomMapper, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            try {
                T result = work.apply(session.getMapper(RoomMapper.class));
                // DELETE ... RETURNING runs as a select, which MyBatis does not count as a write: force the commit.
                session.commit(true);
                return result;
            } catch (RuntimeException e) {
                session.rollback(true);
                throw e;
            }
        }
    }

    private static RoomRow toRow(Room room) {
        return new RoomRow(room.id(), room.agentId(), room.name(), room.channelId().orElse(null),
                room.messageServerId().orElse(null), room.worldId().orElse(null), room.type(), room.source(),
                room.metadata().map(Json::write).orElse(null), Instant.ofEpochMilli(room.createdAt()));
    }

    private static Room toRoom(RoomRow row) {
        return new Room(row.id(), row.agentId(), row.name(), Optional.ofNullable(row.channelId()),
                Optional.ofNullable(row.messageServerId()), Optional.ofNullable(row.worldId()), row.type(),
                row.source(), Json.read(row.metadataJson()), row.createdAt().toEpochMilli());
    }
}
