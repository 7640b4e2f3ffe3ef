package dev.eliza.messaging.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Message servers, their agents, channels and participants. */
final class ChannelStore {
    /** The server every install has, created by the first migration. */
    static final UUID DEFAULT_SERVER = new UUID(0, 0);

    private final Sql sql;
    private final Clock clock;

    ChannelStore(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    List<ServerRow> servers() {
        return sql.read(ServerMapper.class, ServerMapper::findAll);
    }

    Optional<ServerRow> server(UUID id) {
        return Optional.ofNullable(sql.read(ServerMapper.class, m -> m.findById(id)));
    }

    ServerRow createServer(String name, String sourceType, String sourceId, ObjectNode metadata) {
        UUID id = UUID.randomUUID();
        return sql.tx(s -> {
            ServerMapper mapper = s.getMapper(ServerMapper.class);
            mapper.insert(id, name, sourceType, sourceId, Json.write(metadata), now());
            return mapper.findById(id);
        });
    }

    boolean deleteServer(UUID id) {
        return sql.read(ServerMapper.class, m -> m.delete(id) > 0);
    }

    List<UUID> agentsOf(UUID serverId) {
        return ids(sql.read(ServerMapper.class, m -> m.agentsOf(serverId)));
    }

    List<UUID> serversOf(UUID agentId) {
        return ids(sql.read(ServerMapper.class, m -> m.serversOf(agentId)));
    }

    void addServerAgent(UUID serverId, UUID agentId) {
        sql.read(ServerMapper.class, m -> m.addAgent(serverId, agentId));
    }

    boolean removeServerAgent(UUID serverId, UUID agentId) {
        return sql.read(ServerMapper.class, m -> m.removeAgent(serverId, agentId) > 0);
    }

    Optional<ChannelRow> channel(UUID id) {
        return Optional.ofNullable(sql.read(ChannelMapper.class, m -> m.findById(id)));
    }

    /** The channel with its participants, read together. */
    Optional<ChannelMembersRow> withParticipants(UUID id) {
        return Optional.ofNullable(sql.read(ChannelMapper.class, m -> m.findWithParticipants(id)));
    }

    List<ChannelRow> channelsOf(UUID serverId) {
        return sql.read(ChannelMapper.class, m -> m.findByServer(serverId));
    }

    /** Creates a channel with its participants in one transaction. */
    ChannelMembersRow createChannel(UUID id, UUID serverId, String name, String type, String sourceType,
                                    ObjectNode metadata, List<UUID> participants) {
        return sql.tx(s -> {
            ChannelMapper mapper = s.getMapper(ChannelMapper.class);
            mapper.insert(id, serverId, name, type, sourceType, Json.write(metadata), now());
            participants.forEach(p -> mapper.addParticipant(id, p));
            return mapper.findWithParticipants(id);
        });
    }

    /**
     * The DM channel of two people, created on first use. Two concurrent first calls are serialised by a
     * transaction-scoped advisory lock on the pair, so both get the same channel.
     */
    ChannelRow dm(UUID serverId, UUID current, UUID target) {
        UUID low = current.toString().compareTo(target.toString()) < 0 ? current : target;
        UUID high = low.equals(current) ? target : current;
        return sql.tx(s -> {
            ChannelMapper mapper = s.getMapper(ChannelMapper.class);
            mapper.lockPair((low.toString() + high).hashCode());
            ChannelRow found = mapper.findDm(serverId, low, high);
            if (found != null) {
                return found;
            }
            UUID id = UUID.randomUUID();
            ObjectNode metadata = Json.MAPPER.createObjectNode().put("user1", low.toString())
                    .put("user2", high.toString());
            mapper.insert(id, serverId, "DM-" + low + "-" + high, "DM", null, Json.write(metadata), now());
            mapper.addParticipant(id, current);
            mapper.addParticipant(id, target);
            return mapper.findById(id);
        });
    }

    Optional<ChannelRow> updateChannel(UUID id, String name, ObjectNode metadata, Optional<List<UUID>> participants) {
        return sql.tx(s -> {
            ChannelMapper mapper = s.getMapper(ChannelMapper.class);
            if (mapper.update(id, name, Json.write(metadata), now()) == 0) {
                return Optional.empty();
            }
            participants.ifPresent(list -> {
                mapper.removeParticipants(id);
                list.forEach(p -> mapper.addParticipant(id, p));
            });
            return Optional.of(mapper.findById(id));
        });
    }

    boolean deleteChannel(UUID id) {
        return sql.read(ChannelMapper.class, m -> m.delete(id) > 0);
    }

    List<UUID> participants(UUID channelId) {
        return ids(sql.read(ChannelMapper.class, m -> m.participants(channelId)));
    }

    void addParticipant(UUID channelId, UUID participantId) {
        sql.read(ChannelMapper.class, m -> m.addParticipant(channelId, participantId));
    }

    boolean removeParticipant(UUID channelId, UUID participantId) {
        return sql.read(ChannelMapper.class, m -> m.removeParticipant(channelId, participantId) > 0);
    }

    private static List<UUID> ids(List<String> texts) {
        return texts.stream().map(UUID::fromString).toList();
    }
}
