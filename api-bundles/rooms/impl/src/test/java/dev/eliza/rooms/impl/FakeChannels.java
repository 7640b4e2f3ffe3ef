package dev.eliza.rooms.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.eliza.messaging.api.Channel;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;

/** Channels to look up; rooms only ever look channels up (the real messaging bundle is exercised by RoomsIT). */
final class FakeChannels implements MessageService {
    final Map<UUID, Channel> channels = new ConcurrentHashMap<>();

    Channel add(UUID id, UUID serverId, String name, String type) {
        Channel channel = new Channel(id, serverId, name, type, Json.object());
        channels.put(id, channel);
        return channel;
    }

    @Override
    public Optional<Channel> channel(UUID channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    @Override
    public ChannelMessage post(NewMessage message) {
        throw new UnsupportedOperationException("not used by rooms");
    }

    @Override
    public Optional<ChannelMessage> message(UUID messageId) {
        throw new UnsupportedOperationException("not used by rooms");
    }

    @Override
    public List<ChannelMessage> recent(UUID channelId, int limit) {
        throw new UnsupportedOperationException("not used by rooms");
    }
}
