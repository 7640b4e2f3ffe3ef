package dev.eliza.sessions.impl;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.AnswerEvent;
import dev.eliza.messaging.api.AnswerWatch;
import dev.eliza.messaging.api.Channel;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.messaging.api.MessageAnswers;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;
import dev.eliza.messaging.api.UnknownChannelException;

/**
 * The messaging contract over lists, with an agent that answers every post at once in two chunks ("Hello" and
 * " there") when {@link #answering} is set; the real messaging bundle is exercised by {@code SessionsIT}.
 */
final class FakeMessaging implements MessageService, MessageAnswers {
    final Map<UUID, Channel> channels = new ConcurrentHashMap<>();
    final Map<UUID, List<UUID>> participants = new ConcurrentHashMap<>();
    final List<ChannelMessage> messages = new CopyOnWriteArrayList<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private long lastTime;
    volatile boolean failCreate;
    /** When set, what every channel creation throws (a database out of reach, say). */
    volatile RuntimeException createFailure;
    volatile boolean failPost;
    /** When set, what every post throws (a database out of reach, say). */
    volatile RuntimeException postFailure;
    volatile Optional<UUID> answering = Optional.empty();

    FakeMessaging(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Channel> channel(UUID channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    @Override
    public Channel createChannel(UUID serverId, String name, String type, ObjectNode metadata,
                                 List<UUID> members) {
        if (createFailure != null) {
            throw createFailure;
        }
        if (failCreate) {
            throw new IllegalStateException("database down");
        }
        Channel channel = new Channel(UUID.randomUUID(), serverId, name, type, metadata);
        channels.put(channel.id(), channel);
        participants.put(channel.id(), List.copyOf(members));
        return channel;
    }

    @Override
    public synchronized ChannelMessage post(NewMessage message) {
        if (postFailure != null) {
            throw postFailure;
        }
        if (failPost) {
            throw new IllegalStateException("database down");
        }
        if (!channels.containsKey(message.channelId())) {
            throw new UnknownChannelException(message.channelId());
        }
        ChannelMessage stored = store(message.channelId(), message.authorId(), message.text(), message.source(),
                message.metadata(), message.attachments() == null ? SessionViews.JSON.createArrayNode()
                        : message.attachments());
        answering.ifPresent(agent -> answer(stored, agent));
        return stored;
    }

    private void answer(ChannelMessage asked, UUID agent) {
        UUID replyId = UUID.randomUUID();
        publish(asked.channelId(), new AnswerEvent.Chunk(asked.id(), replyId, 0, "Hello"));
        publish(asked.channelId(), new AnswerEvent.Chunk(asked.id(), replyId, 1, " there"));
        ChannelMessage reply = store(asked.channelId(), agent, "Hello there", "agent_response",
                SessionViews.JSON.createObjectNode().put("thought", "greet"), SessionViews.JSON.createArrayNode());
        publish(asked.channelId(), new AnswerEvent.Done(asked.id(), DeliveryState.REPLIED,
                Optional.of(new AgentReply(replyId, "Fake", "Hello there", "greet", List.of("REPLY"))),
                Optional.of(reply), Optional.empty()));
    }

    private ChannelMessage store(UUID channel, UUID author, String text, String source, ObjectNode metadata,
                                 com.fasterxml.jackson.databind.JsonNode attachments) {
        lastTime = Math.max(lastTime + 1, clock.millis());
        ChannelMessage stored = new ChannelMessage(UUID.randomUUID(), channel, Sessions.DEFAULT_SERVER, author, "",
                text, source, Optional.empty(), metadata, attachments, lastTime);
        messages.add(stored);
        return stored;
    }

    @Override
    public Optional<ChannelMessage> message(UUID messageId) {
        return messages.stream().filter(m -> m.id().equals(messageId)).findFirst();
    }

    @Override
    public List<ChannelMessage> recent(UUID channelId, int limit) {
        throw new UnsupportedOperationException("not used by sessions");
    }

    @Override
    public List<ChannelMessage> page(UUID channelId, OptionalLong beforeMs, OptionalLong afterMs, int limit) {
        List<ChannelMessage> matching = new ArrayList<>(messages.stream().filter(m -> m.channelId().equals(channelId))
                .filter(m -> beforeMs.isEmpty() || m.createdAt() < beforeMs.getAsLong())
                .filter(m -> afterMs.isEmpty() || m.createdAt() > afterMs.getAsLong())
                .sorted(Comparator.comparingLong(ChannelMessage::createdAt).reversed()).toList());
        if (beforeMs.isEmpty() && afterMs.isPresent()) {
            return matching.subList(Math.max(0, matching.size() - limit), matching.size());
        }
        return matching.subList(0, Math.min(limit, matching.size()));
    }

    @Override
    public AnswerWatch watch(UUID channelId) {
        Watch watch = new Watch(channelId);
        watches.add(watch);
        return watch;
    }

    int openWatches() {
        return watches.size();
    }

    private void publish(UUID channelId, AnswerEvent event) {
        watches.stream().filter(w -> w.channelId.equals(channelId)).forEach(w -> w.events.add(event));
    }

    private final class Watch implements AnswerWatch {
        final UUID channelId;
        final BlockingQueue<AnswerEvent> events = new LinkedBlockingQueue<>();

        Watch(UUID channelId) {
            this.channelId = channelId;
        }

        @Override
        public Optional<AnswerEvent> next(UUID messageId, long deadlineNanos) throws InterruptedException {
            while (true) {
                AnswerEvent event = events.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null || event.messageId().equals(messageId)) {
                    return Optional.ofNullable(event);
                }
            }
        }

        @Override
        public void close() {
            watches.remove(this);
        }
    }
}
