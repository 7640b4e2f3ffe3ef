package dev.eliza.messaging.impl.socket;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.realtime.api.Acknowledgement;
import dev.eliza.realtime.api.RealtimeEventHandler;
import dev.eliza.realtime.api.RealtimeSocket;

/** {@code "1"} (ElizaOS ROOM_JOINING): joins the channel's room. */
@Component(service = RealtimeEventHandler.class)
public final class JoinChannelHandler implements RealtimeEventHandler {

    @Override
    public String event() {
        return "1";
    }

    @Override
    public void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack) {
        ChannelJoins.join(socket, SocketPayloads.first(args), "messageError");
    }
}
