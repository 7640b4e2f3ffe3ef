package dev.eliza.it.probe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.realtime.api.Acknowledgement;
import dev.eliza.realtime.api.RealtimeBroadcaster;
import dev.eliza.realtime.api.RealtimeEventHandler;
import dev.eliza.realtime.api.RealtimeSocket;

/**
 * The probe bundle's Socket.IO events: {@code probe:join} (join the room named by the first argument),
 * {@code probe:shout} ({@code {room,text}} broadcast to the room as {@code probe:shouted}), {@code probe:fail}
 * (throws). Each acknowledges when asked.
 */
public final class ProbeEventHandler implements RealtimeEventHandler {
    private final String event;
    private final Supplier<Optional<RealtimeBroadcaster>> broadcaster;

    ProbeEventHandler(String event, Supplier<Optional<RealtimeBroadcaster>> broadcaster) {
        this.event = event;
        this.broadcaster = broadcaster;
    }

    @Override
    public String event() {
        return event;
    }

    @Override
    public void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack) {
        switch (event) {
            case "probe:join" -> {
                socket.join(args.get(0).asText());
                ack.ifPresent(a -> a.send("joined", socket.rooms().size()));
            }
            case "probe:shout" -> {
                JsonNode body = args.get(0);
                broadcaster.get().orElseThrow().toRoom(body.path("room").asText(), "probe:shouted",
                        Map.of("text", body.path("text").asText(), "from", socket.entityId().toString()));
                ack.ifPresent(a -> a.send("sent"));
            }
            default -> throw new IllegalStateException("probe failure");
        }
    }
}
