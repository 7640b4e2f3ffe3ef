package dev.eliza.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.eliza.messaging.api.AgentReplies;
import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.messaging.api.DeliveryState;

/** Deliveries kept in memory with messaging's state rules: only a {@code RECEIVED} delivery can be claimed. */
final class FakeReplies implements AgentReplies {
    final Map<List<UUID>, Delivery> deliveries = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<AgentReply> chunks = new CopyOnWriteArrayList<>();
    final List<AgentReply> replies = new CopyOnWriteArrayList<>();

    Delivery add(UUID agentId, ChannelMessage message, int depth) {
        Delivery delivery = new Delivery(agentId, message, DeliveryState.RECEIVED, Optional.empty(), depth, 0, 0);
        deliveries.put(List.of(message.id(), agentId), delivery);
        return delivery;
    }

    static ChannelMessage message(UUID channelId, UUID authorId, String text) {
        return new ChannelMessage(UUID.randomUUID(), channelId, UUID.randomUUID(), authorId, "Ann", text,
                "client_chat", Optional.empty(), JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.arrayNode(), System.currentTimeMillis());
    }

    Delivery state(Delivery delivery) {
        return deliveries.get(List.of(delivery.message().id(), delivery.agentId()));
    }

    private synchronized boolean move(Delivery delivery, DeliveryState from, DeliveryState to, Optional<String> why) {
        Delivery now = state(delivery);
        if (now == null || (from != null && now.state() != from)) {
            return false;
        }
        deliveries.put(List.of(delivery.message().id(), delivery.agentId()), new Delivery(now.agentId(),
                now.message(), to, why, now.depth(), now.attempts() + (to == DeliveryState.PROCESSING ? 1 : 0), 0));
        return true;
    }

    @Override
    public synchronized List<Delivery> pending(int limit) {
        return deliveries.values().stream().filter(d -> d.state() == DeliveryState.RECEIVED)
                .sorted(java.util.Comparator.comparingLong(d -> d.message().createdAt())).limit(limit).toList();
    }

    @Override
    public boolean claim(Delivery delivery) {
        calls.add("claim");
        return move(delivery, DeliveryState.RECEIVED, DeliveryState.PROCESSING, Optional.empty());
    }

    @Override
    public void release(Delivery delivery) {
        calls.add("release");
        move(delivery, DeliveryState.PROCESSING, DeliveryState.RECEIVED, Optional.empty());
    }

    @Override
    public void chunk(Delivery delivery, AgentReply partial, int index, String chunk) {
        chunks.add(partial);
    }

    @Override
    public ChannelMessage reply(Delivery delivery, AgentReply reply) {
        replies.add(reply);
        move(delivery, DeliveryState.PROCESSING, DeliveryState.REPLIED, Optional.empty());
        return new ChannelMessage(reply.replyId(), delivery.message().channelId(), delivery.message().serverId(),
                delivery.agentId(), reply.agentName(), reply.text(), "agent_response",
                Optional.of(delivery.message().id()), JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.arrayNode(), System.currentTimeMillis());
    }

    @Override
    public void noReply(Delivery delivery, String reason) {
        move(delivery, DeliveryState.PROCESSING, DeliveryState.NO_REPLY, Optional.of(reason));
    }

    @Override
    public void fail(Delivery delivery, String reason) {
        move(delivery, DeliveryState.PROCESSING, DeliveryState.FAILED, Optional.of(reason));
    }

    @Override
    public List<Delivery> deliveries(UUID messageId) {
        return new ArrayList<>(deliveries.values().stream().filter(d -> d.message().id().equals(messageId)).toList());
    }
}
