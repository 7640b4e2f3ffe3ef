package dev.eliza.runtime;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.eliza.messaging.api.Channel;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;

/** The room history the runtime reads; messages are added by the test. */
final class FakeMessages implements MessageService {
    final List<ChannelMessage> stored = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Channel> channel(UUID channelId) {
        return Optional.empty();
    }

    @Override
    public ChannelMessage post(NewMessage message) {
        throw new UnsupportedOperationException("the runtime replies through AgentReplies");
    }

    @Override
    public Optional<ChannelMessage> message(UUID messageId) {
        return stored.stream().filter(m -> m.id().equals(messageId)).findFirst();
    }

    @Override
    public List<ChannelMessage> recent(UUID channelId, int limit) {
        List<ChannelMessage> mine = stored.stream().filter(m -> m.channelId().equals(channelId)).toList();
        return mine.subList(Math.max(0, mine.size() - limit), mine.size());
    }
}
