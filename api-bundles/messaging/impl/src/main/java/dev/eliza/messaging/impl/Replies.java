package dev.eliza.messaging.impl;

import java.util.AbstractMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.messaging.api.AgentReplies;
import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.AnswerEvent;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.messaging.impl.MessageStore.NewDelivery;
import dev.eliza.messaging.impl.Posting.Posted;

/** The runtime's side of deliveries: each change is persisted first, then told to the room and to waiting posts. */
final class Replies implements AgentReplies {
    private final ChannelStore channels;
    private final MessageStore messages;
    private final Posting posting;
    private final Broadcasts broadcasts;
    private final ReplyWaiters waiters;
    private final Consumer<Posted> handOver;

    Replies(ChannelStore channels, MessageStore messages, Posting posting, Broadcasts broadcasts,
            ReplyWaiters waiters, Consumer<Posted> handOver) {
        this.channels = channels;
        this.messages = messages;
        this.posting = posting;
        this.broadcasts = broadcasts;
        this.waiters = waiters;
        this.handOver = handOver;
    }

    @Override
    public List<Delivery> pending(int limit) {
        return messages.pending(limit).stream()
                .flatMap(row -> messages.message(row.messageId()).map(m -> Rows.delivery(row, Rows.message(m)))
                        .stream())
                .toList();
    }

    @Override
    public boolean claim(Delivery delivery) {
        return messages.claim(delivery.message().id(), delivery.agentId(), channels.now());
    }

    @Override
    public void release(Delivery delivery) {
        messages.release(delivery.message().id(), delivery.agentId(), channels.now());
    }

    @Override
    public void chunk(Delivery delivery, AgentReply partial, int index, String chunk) {
        UUID channelId = delivery.message().channelId();
        broadcasts.chunk(channelId, delivery.agentId(), partial, index, chunk);
        waiters.publish(channelId, new AnswerEvent.Chunk(delivery.message().id(), partial.replyId(), index, chunk));
    }

    @Override
    public ChannelMessage reply(Delivery delivery, AgentReply reply) {
        ChannelMessage asked = delivery.message();
        ChannelMembersRow target = channels.withParticipants(asked.channelId())
                .orElseThrow(() -> new IllegalStateException("The channel of the delivery is gone"));
        ChannelRow channel = target.channel();
        String text = Posting.checkedText(reply.text());
        ObjectNode raw = Json.MAPPER.createObjectNode().put("text", text).put("thought", reply.thought());
        raw.set("actions", Json.MAPPER.valueToTree(reply.actions()));
        ObjectNode metadata = Json.MAPPER.createObjectNode();
        metadata.put("isDm", "DM".equals(channel.type()));
        metadata.put("agent_id", delivery.agentId().toString());
        metadata.put("agentName", reply.agentName());
        metadata.put("channelType", channel.type());
        metadata.put("thought", reply.thought());
        metadata.set("actions", Json.MAPPER.valueToTree(reply.actions()));
        var now = channels.now();
        MessageRow row = new MessageRow(reply.replyId(), channel.id(), channel.serverId(), delivery.agentId(),
                reply.agentName(), text, "agent_response", null, Json.write(raw), Json.write(metadata), null,
                asked.id(), now, now);
        List<NewDelivery> next = posting.deliveriesFor(target.participants(), delivery.agentId());
        messages.insert(row, next, delivery.depth() + 1,
                        Optional.of(new AbstractMap.SimpleEntry<>(asked.id(), delivery.agentId())))
                .orElseThrow(() -> new IllegalStateException("The delivery is already over"));
        ChannelMessage stored = Rows.message(row);
        broadcasts.reply(stored, reply.thought(), reply.actions());
        broadcasts.complete(channel.id(), delivery.agentId(), stored.id());
        waiters.publish(channel.id(), new AnswerEvent.Done(asked.id(), DeliveryState.REPLIED, Optional.of(reply),
                Optional.of(stored), Optional.empty()));
        handOver.accept(new Posted(row, stored, next, delivery.depth() + 1));
        return stored;
    }

    @Override
    public void noReply(Delivery delivery, String reason) {
        ChannelMessage asked = delivery.message();
        if (messages.finish(asked.id(), delivery.agentId(), DeliveryState.NO_REPLY, reason, channels.now())) {
            broadcasts.complete(asked.channelId(), delivery.agentId(), asked.id());
            waiters.publish(asked.channelId(), new AnswerEvent.Done(asked.id(), DeliveryState.NO_REPLY,
                    Optional.empty(), Optional.empty(), Optional.ofNullable(reason)));
        }
    }

    @Override
    public void fail(Delivery delivery, String reason) {
        ChannelMessage asked = delivery.message();
        if (messages.finish(asked.id(), delivery.agentId(), DeliveryState.FAILED, reason, channels.now())) {
            broadcasts.error(asked.channelId(), asked.id(), reason);
            waiters.publish(asked.channelId(), new AnswerEvent.Done(asked.id(), DeliveryState.FAILED,
                    Optional.empty(), Optional.empty(), Optional.ofNullable(reason)));
        }
    }

    @Override
    public List<Delivery> deliveries(UUID messageId) {
        return messages.message(messageId).map(Rows::message)
                .map(m -> messages.deliveries(messageId).stream().map(row -> Rows.delivery(row, m)).toList())
                .orElse(List.of());
    }
}
