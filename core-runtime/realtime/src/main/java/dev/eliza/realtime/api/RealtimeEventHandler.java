package dev.eliza.realtime.api;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Handles one client event, registered as an OSGi service; it is used while registered and dropped when its
 * bundle stops. A handler that throws sends the client a {@code messageError} event; other sockets are unaffected.
 *
 * <pre>{@code
 * @Component(service = RealtimeEventHandler.class)
 * public final class JoinChannel implements RealtimeEventHandler {
 *     public String event() { return "1"; }
 *     public void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack) {
 *         String channel = args.get(0).path("channelId").asText();
 *         socket.join(channel);
 *         socket.emit("channel_joined", Map.of("channelId", channel));
 *     }
 * }
 * }</pre>
 */
public interface RealtimeEventHandler {

    /** The event name, as the client emits it (ElizaOS uses {@code "1"}, {@code "2"}, {@code "message"}). */
    String event();

    /**
     * Handles one emission.
     *
     * @param socket the sending socket
     * @param args the event's arguments, in order
     * @param ack present when the client asked for an acknowledgement
     */
    void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack);
}
