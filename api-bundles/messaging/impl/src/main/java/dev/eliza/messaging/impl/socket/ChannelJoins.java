package dev.eliza.messaging.impl.socket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.realtime.api.RealtimeSocket;

/**
 * Puts a socket in a channel's room, as ElizaOS's ROOM_JOINING does: the room is the channel id, joining twice is
 * harmless (the web client does), and the socket hears {@code channel_joined} and {@code room_joined}. The channel
 * need not exist yet: 1.7.2 creates it on the first send.
 */
final class ChannelJoins {
    static final String MISSING_CHANNEL = "For ROOM_JOINING: channelId (or roomId) must be a UUID.";

    private ChannelJoins() {
    }

    /**
     * Joins the channel named by {@code payload}; the joined channel, or empty (and {@code errorEvent} sent) when the
     * payload names none.
     */
    static Optional<UUID> join(RealtimeSocket socket, JsonNode payload, String errorEvent) {
        Optional<UUID> channel = SocketPayloads.uuid(payload, "channelId", "roomId");
        if (channel.isEmpty()) {
            socket.emit(errorEvent, Map.of("error", MISSING_CHANNEL));
            return Optional.empty();
        }
        String channelId = channel.get().toString();
        socket.join(channelId);
        Map<String, Object> joined = new LinkedHashMap<>();
        joined.put("message", "Socket " + socket.id() + " successfully joined channel " + channelId + ".");
        joined.put("channelId", channelId);
        joined.put("roomId", channelId);
        SocketPayloads.text(payload, "agentId").ifPresent(agent -> joined.put("agentId", agent));
        socket.emit("channel_joined", joined);
        socket.emit("room_joined", joined);
        return channel;
    }
}
