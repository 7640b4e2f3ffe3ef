package dev.eliza.messaging.impl.socket;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.realtime.api.Acknowledgement;
import dev.eliza.realtime.api.RealtimeEventHandler;
import dev.eliza.realtime.api.RealtimeSocket;

/**
 * {@code request-world-state}, as the documents describe it (1.7.2 lacks it): answers {@code world-state} with the
 * socket's identity and the rooms it is in (its own id room excluded, which Socket.IO servers add implicitly).
 */
@Component(service = RealtimeEventHandler.class)
public final class WorldStateHandler implements RealtimeEventHandler {
    private final Clock clock;

    @Activate
    public WorldStateHandler() {
        this(Clock.systemUTC());
    }

    WorldStateHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String event() {
        return "request-world-state";
    }

    @Override
    public void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("socketId", socket.id());
        state.put("entityId", socket.entityId().toString());
        state.put("rooms", socket.rooms().stream().filter(room -> !room.equals(socket.id())).sorted().toList());
        state.put("timestamp", clock.millis());
        socket.emit("world-state", state);
        ack.ifPresent(callback -> callback.send(state));
    }
}
