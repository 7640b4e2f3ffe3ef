package dev.eliza.it.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.eliza.events.api.AgentLifecycleEvent;
import dev.eliza.events.api.AgentMessageEvent;
import dev.eliza.events.api.PlatformEvent;
import dev.eliza.events.api.PlatformEvents;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/probe-events/<kind>?agentId=&name=&text=} publishes; {@code GET .../posts} lists posts. */
@Path("/api/probe-events")
@Produces(MediaType.APPLICATION_JSON)
public final class EventsProbeResource {
    private final Supplier<Optional<PlatformEvents>> events;
    private final RecordingPoster poster;

    EventsProbeResource(Supplier<Optional<PlatformEvents>> events, RecordingPoster poster) {
        this.events = events;
        this.poster = poster;
    }

    @GET
    @Path("posts")
    public List<Map<String, String>> posts() {
        return poster.posts();
    }

    @POST
    @Path("{kind}")
    public Map<String, String> publish(@PathParam("kind") String kind, @QueryParam("agentId") String agentId,
                                       @QueryParam("name") String name, @QueryParam("text") String text) {
        UUID agent = UUID.fromString(agentId);
        Instant now = Instant.now();
        PlatformEvent event = switch (kind) {
            case "agent-started" -> new AgentLifecycleEvent(AgentLifecycleEvent.Change.STARTED, agent, name, now);
            case "agent-stopped" -> new AgentLifecycleEvent(AgentLifecycleEvent.Change.STOPPED, agent, name, now);
            case "message-received" -> new AgentMessageEvent(AgentMessageEvent.Direction.RECEIVED,
                    UUID.randomUUID(), agent, UUID.randomUUID(), UUID.randomUUID(), text, now);
            case "reply-sent" -> new AgentMessageEvent(AgentMessageEvent.Direction.SENT, UUID.randomUUID(), agent,
                    UUID.randomUUID(), agent, text, now);
            default -> throw new IllegalArgumentException(kind);
        };
        events.get().orElseThrow().publish(event);
        return Map.of("published", kind);
    }
}
