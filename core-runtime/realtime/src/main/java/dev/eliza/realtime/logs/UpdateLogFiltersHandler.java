package dev.eliza.realtime.logs;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.eliza.realtime.api.Acknowledgement;
import dev.eliza.realtime.api.RealtimeEventHandler;
import dev.eliza.realtime.api.RealtimeSocket;

/** {@code update_log_filters} {@code {level, agentName}}: sets what the socket's log stream is filtered by. */
@Component(service = RealtimeEventHandler.class)
public final class UpdateLogFiltersHandler implements RealtimeEventHandler {
    private final LogStreams streams;

    @Activate
    public UpdateLogFiltersHandler(@Reference LogStreams streams) {
        this.streams = streams;
    }

    @Override
    public String event() {
        return "update_log_filters";
    }

    @Override
    public void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack) {
        streams.updateFilters(socket, args.isEmpty() ? MissingNode.getInstance() : args.get(0));
    }
}
