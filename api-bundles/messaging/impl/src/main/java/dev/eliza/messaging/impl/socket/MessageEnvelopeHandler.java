package dev.eliza.messaging.impl.socket;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.messaging.api.MessageService;
import dev.eliza.realtime.api.Acknowledgement;
import dev.eliza.realtime.api.RealtimeEventHandler;
import dev.eliza.realtime.api.RealtimeSocket;

/**
 * {@code "message"}: ElizaOS's generic envelope {@code {type, payload}}, type 1 a join and type 2 a send (the web
 * client sends this way). Other types are refused with {@code messageError}.
 */
@Component(service = RealtimeEventHandler.class)
public final class MessageEnvelopeHandler implements RealtimeEventHandler {
    static final String BAD_TYPE = "Unknown message type: expected type 1 (join) or 2 (send) with a payload object.";

    private final MessageSends sends;

    @Activate
    public MessageEnvelopeHandler(@Reference MessageService messages) {
        this.sends = new MessageSends(messages);
    }

    @Override
    public String event() {
        return "message";
    }

    @Override
    public void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack) {
        JsonNode envelope = SocketPayloads.first(args);
        JsonNode payload = envelope.path("payload");
        int type = envelope.path("type").isIntegralNumber() ? envelope.get("type").asInt()
                : envelope.path("type").asText("").matches("[12]") ? Integer.parseInt(envelope.get("type").asText())
                : 0;
        if (!payload.isObject() || type == 0 || type > 2) {
            socket.emit("messageError", Map.of("error", BAD_TYPE));
        } else if (type == 1) {
            ChannelJoins.join(socket, payload, "messageError");
        } else {
            sends.send(socket, payload);
        }
    }
}
