package dev.eliza.messaging.impl.socket;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.messaging.api.MessageService;
import dev.eliza.realtime.api.Acknowledgement;
import dev.eliza.realtime.api.RealtimeEventHandler;
import dev.eliza.realtime.api.RealtimeSocket;

/** {@code "2"} (ElizaOS SEND_MESSAGE): posts the message into its channel, creating the channel if need be. */
@Component(service = RealtimeEventHandler.class)
public final class SendMessageHandler implements RealtimeEventHandler {
    private final MessageSends sends;

    @Activate
    public SendMessageHandler(@Reference MessageService messages) {
        this.sends = new MessageSends(messages);
    }

    @Override
    public String event() {
        return "2";
    }

    @Override
    public void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack) {
        sends.send(socket, SocketPayloads.first(args));
    }
}
