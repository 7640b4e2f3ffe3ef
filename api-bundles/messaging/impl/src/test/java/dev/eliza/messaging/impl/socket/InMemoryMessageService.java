package dev.eliza.messaging.impl.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.eliza.messaging.api.Channel;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.InvalidMessageException;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;
import dev.eliza.messaging.api.UnknownChannelException;

/** Our own contract kept in memory, with the rules MessageService documents (text length, channel creation). */
final class InMemoryMessageService implements MessageService {
    final Map<UUID, Channel> channels = new ConcurrentHashMap<>();
    final List<ChannelMessage> stored = new CopyOnWriteArrayList<>();
    final List<NewMessage> posted = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Channel> channel(UUID channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    @Override
    public ChannelMessage post(NewMessage message) {
        if (message.text() == null || message.text().isEmpty() || message.text().length() > MAX_TEXT_LENGTH) {
            throw new InvalidMessageException("Message text must be 1 to " + MAX_TEXT_LENGTH + " characters.");
        }
        if (!channels.containsKey(message.channelId())) {
            if (!message.createChannel()) {
                throw new UnknownChannelException(message.channelId());
            }
            channels.put(message.channelId(), new Channel(message.channelId(), message.serverId(), "socket channel",
                    "GROUP", JsonNodeFactory.instance.objectNode()));
        }
        posted.add(message);
        ChannelMessage created = new ChannelMessage(UUID.randomUUID(), message.channelId(), message.serverId(),
                message.authorId(), message.authorName(), message.text(),
                message.source().isEmpty() ? "client_chat" : message.source(), Optional.empty(), message.metadata(),
                message.attachments() == null || message.attachments().isNull()
                        ? JsonNodeFactory.instance.arrayNode() : message.attachments(),
                System.currentTimeMillis());
        stored.add(created);
        return created;
    }

    @Override
    public Optional<ChannelMessage> message(UUID messageId) {
        return stored.stream().filter(m -> m.id().equals(messageId)).findFirst();
    }

    @Override
    public List<ChannelMessage> recent(UUID channelId, int limit) {
        List<ChannelMessage> inChannel = new ArrayList<>(stored.stream()
                .filter(m -> m.channelId().equals(channelId)).toList());
        return inChannel.subList(Math.max(0, inChannel.size() - limit), inChannel.size());
    }
}
