package dev.eliza.realtime.logs;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.realtime.api.Acknowledgement;
import dev.eliza.realtime.api.RealtimeEventHandler;
import dev.eliza.realtime.api.RealtimeSocket;

/** {@code subscribe_logs}: Starts streaming log records to the socket. */
@Component(service = RealtimeEventHandler.class)
public final class SubscribeLogsHandler implements RealtimeEventHandler {
    private final LogStreams streams;

    @Activate
    public SubscribeLogsHandler(@Reference LogStreams streams) {
        this.streams = streams;
    }

    @Override
    public String event() {
        return "subscribe_logs";
    }

    @Override
    public void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack) {
        streams.subscribe(socket);
    }
}
