package dev.eliza.audio.impl;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.AnswerEvent;
import dev.eliza.messaging.api.AnswerWatch;
import dev.eliza.messaging.api.Channel;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.messaging.api.MessageAnswers;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;

/**
 * The messaging contract over a list, with an agent that answers "Hello there" inside {@link #post} (before the
 * post returns, so a watch opened after posting would miss it) when {@link #answering} is set. The real messaging
 * bundle is exercised by {@code AudioIT}.
 */
final class FakeMessaging implements MessageService, MessageAnswers {
    final List<NewMessage> posted = new CopyOnWriteArrayList<>();
    final List<ChannelMessage> messages = new CopyOnWriteArrayList<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    volatile boolean answering = true;

    @Override
    public Optional<Channel> channel(UUID channelId) {
        return Optional.empty();
    }

    @Override
    public synchronized ChannelMessage post(NewMessage message) {
        posted.add(message);
        ChannelMessage stored = store(message.channelId(), message.serverId(), message.authorId(), message.text(),
                message.source());
        UUID agent = UUID.fromString(message.metadata().get("targetAgentId").asText());
        if (answering) {
            ChannelMessage reply = store(message.channelId(), message.serverId(), agent, "Hello there",
                    "agent_response");
            watches.stream().filter(w -> w.channelId.equals(message.channelId())).forEach(w -> w.events.add(
                    new AnswerEvent.Done(stored.id(), DeliveryState.REPLIED, Optional.of(new AgentReply(reply.id(),
                            "Speaker", reply.text(), "", List.of("REPLY"))), Optional.of(reply), Optional.empty())));
        }
        return stored;
    }

    ChannelMessage store(UUID channel, UUID server, UUID author, String text, String source) {
        ChannelMessage stored = new ChannelMessage(UUID.randomUUID(), channel, server, author, "", text, source,
                Optional.empty(), JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(),
                System.currentTimeMillis());
        messages.add(stored);
        return stored;
    }

    @Override
    public Optional<ChannelMessage> message(UUID messageId) {
        return messages.stream().filter(m -> m.id().equals(messageId)).findFirst();
    }

    @Override
    public List<ChannelMessage> recent(UUID channelId, int limit) {
        throw new UnsupportedOperationException("not used by audio");
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
