package dev.eliza.messaging.impl.socket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.realtime.api.Acknowledgement;
import dev.eliza.realtime.api.RealtimeEventHandler;
import dev.eliza.realtime.api.RealtimeSocket;

/**
 * {@code leave} {@code {roomId|channelId}}, as the documents describe it (1.7.2 lacks it): the socket leaves the
 * room and hears {@code room_left}; leaving a room it is not in is harmless.
 */
@Component(service = RealtimeEventHandler.class)
public final class LeaveRoomHandler implements RealtimeEventHandler {
    static final String MISSING_ROOM = "leave: roomId (or channelId) must be a UUID.";

    @Override
    public String event() {
        return "leave";
    }

    @Override
    public void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack) {
        Optional<UUID> room = SocketPayloads.uuid(SocketPayloads.first(args), "roomId", "channelId");
        if (room.isEmpty()) {
            socket.emit("error", Map.of("error", MISSING_ROOM));
            return;
        }
        socket.leave(room.get().toString());
        Map<String, Object> left = new LinkedHashMap<>();
        left.put("message", "Socket " + socket.id() + " left room " + room.get() + ".");
        left.put("roomId", room.get().toString());
        left.put("channelId", room.get().toString());
        socket.emit("room_left", left);
    }
}
