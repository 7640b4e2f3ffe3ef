package dev.eliza.jobs.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.AnswerEvent;
import dev.eliza.messaging.api.AnswerWatch;
import dev.eliza.messaging.api.Channel;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.messaging.api.InvalidMessageException;
import dev.eliza.messaging.api.MessageAnswers;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;

/**
 * Messaging as the jobs bundle sees it, in memory: posts store a message and a delivery for the channel's
 * target agent; the test then answers, fails, or stores an answer no watch hears (as while the node was down).
 */
final class FakeMessaging implements MessageService, MessageAnswers {
    final List<NewMessage> posts = new CopyOnWriteArrayList<>();
    private final List<ChannelMessage> stored = new CopyOnWriteArrayList<>();
    private final Map<UUID, Delivery> deliveries = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Watch>> watches = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> agentOfChannel = new ConcurrentHashMap<>();

    @Override
    public Optional<Channel> channel(UUID channelId) {
        return Optional.empty();
    }

    @Override
    public ChannelMessage post(NewMessage message) {
        if (message.text().length() > MAX_TEXT_LENGTH) {
            throw new InvalidMessageException("content must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        posts.add(message);
        ChannelMessage posted = store(message.channelId(), message.authorId(), message.text(), Optional.empty(),
                System.currentTimeMillis());
        UUID agent = UUID.fromString(message.metadata().get("targetAgentId").asText());
        agentOfChannel.put(message.channelId(), agent);
        deliveries.put(posted.id(), new Delivery(agent, posted, DeliveryState.RECEIVED, Optional.empty(), 0, 0,
                posted.createdAt()));
        return posted;
    }

    @Override
    public Optional<ChannelMessage> message(UUID messageId) {
        return stored.stream().filter(m -> m.id().equals(messageId)).findFirst();
    }

    @Override
    public List<ChannelMessage> recent(UUID channelId, int limit) {
        List<ChannelMessage> in = stored.stream().filter(m -> m.channelId().equals(channelId)).toList();
        return in.subList(Math.max(0, in.size() - limit), in.size());
    }

    List<Delivery> deliveries(UUID messageId) {
        return Optional.ofNullable(deliveries.get(messageId)).map(List::of).orElse(List.of());
    }

    /** The agent answers and every watch of the channel hears it. */
    ChannelMessage answer(UUID messageId, String text) {
        ChannelMessage reply = storeAnswer(messageId, text, System.currentTimeMillis());
        AgentReply agentReply = new AgentReply(reply.id(), "Agent", text, "", List.of("REPLY"));
        publish(reply.channelId(), new AnswerEvent.Done(messageId, DeliveryState.REPLIED, Optional.of(agentReply),
                Optional.of(reply), Optional.empty()));
        return reply;
    }

    /** The answer is stored at {@code at}, but no watch hears it. */
    ChannelMessage storeAnswer(UUID messageId, String text, long at) {
        Delivery delivery = deliveries.get(messageId);
        ChannelMessage reply = store(delivery.message().channelId(), delivery.agentId(), text,
                Optional.of(messageId), at);
        deliveries.put(messageId, new Delivery(delivery.agentId(), delivery.message(), DeliveryState.REPLIED,
                Optional.empty(), 0, 1, at));
        return reply;
    }

    void fail(UUID messageId, String reason) {
        Delivery delivery = deliveries.get(messageId);
        deliveries.put(messageId, new Delivery(delivery.agentId(), delivery.message(), DeliveryState.FAILED,
                Optional.of(reason), 0, 1, System.currentTimeMillis()));
        publish(delivery.message().channelId(), new AnswerEvent.Done(messageId, DeliveryState.FAILED,
                Optional.empty(), Optional.empty(), Optional.of(reason)));
    }

    int openWatches() {
        return watches.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public AnswerWatch watch(UUID channelId) {
        Watch watch = new Watch(channelId);
        watches.computeIfAbsent(channelId, id -> ConcurrentHashMap.newKeySet()).add(watch);
        return watch;
    }

    private void publish(UUID channelId, AnswerEvent event) {
        watches.getOrDefault(channelId, Set.of()).forEach(w -> w.events.add(event));
    }

    private ChannelMessage store(UUID channel, UUID author, String text, Optional<UUID> inReplyTo, long at) {
        ChannelMessage message = new ChannelMessage(UUID.randomUUID(), channel, Jobs.DEFAULT_SERVER, author, "",
                text, inReplyTo.isPresent() ? "agent_response" : "job_request", inReplyTo,
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(), at);
        stored.add(message);
        return message;
    }

    private final class Watch implements AnswerWatch {
        private final UUID channelId;
        private final BlockingQueue<AnswerEvent> events = new LinkedBlockingQueue<>();

        Watch(UUID channelId) {
            this.channelId = channelId;
        }

        @Override
        public Optional<AnswerEvent> next(UUID messageId, long deadlineNanos) throws InterruptedException {
            while (true) {
                long left = deadlineNanos - System.nanoTime();
                AnswerEvent event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    return Optional.empty();
                }
                if (event.messageId().equals(messageId)) {
                    return Optional.of(event);
                }
            }
        }

        @Override
        public void close() {
            watches.getOrDefault(channelId, Set.of()).remove(this);
        }
    }
}
