package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.eliza.messaging.api.DeliveryState;

/** Messages and their deliveries. A message and its delivery rows are always written in one transaction. */
final class MessageStore {
    /** A delivery to write with a message: the agent, its first state and why. */
    record NewDelivery(UUID agentId, DeliveryState state, String reason) {
    }

    private final Sql sql;
    private final String self;
    private final Supplier<Set<String>> live;

    /**
     * {@code self} names this node in {@code claimed_by}; {@code live} gives the nodes whose deliveries are theirs
     * to finish (this one among them), so that only those of gone nodes are taken over.
     */
    MessageStore(Sql sql, String self, Supplier<Set<String>> live) {
        this.sql = sql;
        this.self = self;
        this.live = live;
    }

    /**
     * Stores a message and its deliveries; when {@code answered} is present, the delivery it answers is marked
     * replied in the same transaction, and nothing is stored if that delivery is already over.
     */
    Optional<MessageRow> insert(MessageRow message, List<NewDelivery> deliveries, int depth,
                                Optional<Map.Entry<UUID, UUID>> answered) {
        if (deliveries.isEmpty() && answered.isEmpty()) {
            // one statement is atomic by itself: no transaction, so no second round trip for its commit
            sql.read(MessageMapper.class, m -> m.insert(message));
            return Optional.of(message);
        }
        return sql.tx(s -> {
            if (answered.isPresent() && s.getMapper(DeliveryMapper.class).finish(answered.get().getKey(),
                    answered.get().getValue(), DeliveryState.REPLIED.wire(), null, message.createdAt()) == 0) {
                s.rollback();
                return Optional.empty();
            }
            s.getMapper(MessageMapper.class).insert(message);
            DeliveryMapper mapper = s.getMapper(DeliveryMapper.class);
            deliveries.forEach(d -> mapper.insert(message.id(), d.agentId(), d.state().wire(), d.reason(), depth,
                    self, message.createdAt()));
            return Optional.of(message);
        });
    }

    Optional<MessageRow> message(UUID id) {
        return Optional.ofNullable(sql.read(MessageMapper.class, m -> m.findById(id)));
    }

    List<MessageRow> page(UUID channelId, Optional<Instant> before, Optional<UUID> beforeId, Optional<Instant> after,
                          int limit) {
        return sql.read(MessageMapper.class, m -> m.page(channelId, before.orElse(null), beforeId.orElse(null),
                after.orElse(null), limit));
    }

    /** The oldest {@code limit} messages stored after {@code after}, oldest first. */
    List<MessageRow> pageAfter(UUID channelId, Instant after, int limit) {
        return sql.read(MessageMapper.class, m -> m.pageAfter(channelId, after, limit));
    }

    List<MessageRow> search(String query, Optional<UUID> channelId, Optional<UUID> serverId, Optional<UUID> authorId,
                            int limit, int offset) {
        return sql.read(MessageMapper.class, m -> m.search(query, channelId.orElse(null), serverId.orElse(null),
                authorId.orElse(null), limit, offset));
    }

    Optional<MessageRow> update(UUID id, String content, Optional<String> rawMessage, Instant now) {
        return sql.tx(s -> {
            MessageMapper mapper = s.getMapper(MessageMapper.class);
            if (mapper.update(id, content, rawMessage.orElse(null), now) == 0) {
                return Optional.empty();
            }
            return Optional.of(mapper.findById(id));
        });
    }

    boolean delete(UUID channelId, UUID id) {
        return sql.read(MessageMapper.class, m -> m.delete(channelId, id) > 0);
    }

    int clear(UUID channelId) {
        return sql.read(MessageMapper.class, m -> m.clear(channelId));
    }

    List<DeliveryRow> deliveries(UUID messageId) {
        return sql.read(DeliveryMapper.class, m -> m.ofMessage(messageId));
    }

    Optional<DeliveryRow> delivery(UUID messageId, UUID agentId) {
        return Optional.ofNullable(sql.read(DeliveryMapper.class, m -> m.find(messageId, agentId)));
    }

    List<DeliveryRow> pending(int limit) {
        return sql.read(DeliveryMapper.class, m -> m.pending(self, liveNodes(), limit));
    }

    boolean claim(UUID messageId, UUID agentId, Instant now) {
        return sql.read(DeliveryMapper.class, m -> m.claim(messageId, agentId, self, liveNodes(), now) > 0);
    }

    private Set<String> liveNodes() {
        Set<String> nodes = new HashSet<>(live.get());
        nodes.add(self);
        return nodes;
    }

    void release(UUID messageId, UUID agentId, Instant now) {
        sql.read(DeliveryMapper.class, m -> m.release(messageId, agentId, now));
    }

    boolean finish(UUID messageId, UUID agentId, DeliveryState state, String reason, Instant now) {
        return sql.read(DeliveryMapper.class, m -> m.finish(messageId, agentId, state.wire(), reason, now) > 0);
    }
}
