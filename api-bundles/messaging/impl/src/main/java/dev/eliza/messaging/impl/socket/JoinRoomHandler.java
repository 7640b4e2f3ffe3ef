package dev.eliza.messaging.impl.socket;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.realtime.api.Acknowledgement;
import dev.eliza.realtime.api.RealtimeEventHandler;
import dev.eliza.realtime.api.RealtimeSocket;

/**
 * {@code join} {@code {roomId, agentId?}}, as the documents describe it (1.7.2 lacks it): the same as {@code "1"},
 * but a bad payload is answered with the documented {@code error} event.
 */
@Component(service = RealtimeEventHandler.class)
public final class JoinRoomHandler implements RealtimeEventHandler {

    @Override
    public String event() {
        return "join";
    }

    @Override
    public void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack) {
        ChannelJoins.join(socket, SocketPayloads.first(args), "error");
    }
}
