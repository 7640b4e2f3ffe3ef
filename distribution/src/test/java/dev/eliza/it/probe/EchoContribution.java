package dev.eliza.it.probe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.websocket.server.WebSocketCreator;

import dev.eliza.http.api.DomainContribution;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A domain with two REST routes and one WebSocket endpoint that echoes text frames. */
public final class EchoContribution implements DomainContribution {
    @Override
    public String domain() {
        return "echo";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/echo");
    }

    @Override
    public Set<Object> resources() {
        return Set.of(new Info());
    }

    @Override
    public Map<String, WebSocketCreator> webSockets() {
        return Map.of("/api/echo/ws", (request, response, callback) -> new EchoListener());
    }

    /** {@code GET /api/echo}: where the socket is. */
    @Path("/api/echo")
    public static final class Info {
        private final AtomicInteger sleeping = new AtomicInteger();

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String info() {
            return "{\"ws\":\"/api/echo/ws\"}";
        }

        /** Answers after {@code ms} milliseconds: a request that is still in flight when the server stops. */
        @GET
        @Path("slow")
        @Produces(MediaType.APPLICATION_JSON)
        public String slow(@QueryParam("ms") long ms) throws InterruptedException {
            sleeping.incrementAndGet();
            try {
                Thread.sleep(ms);
            } finally {
                sleeping.decrementAndGet();
            }
            return "{\"slept\":" + ms + "}";
        }

        /** How many {@code slow} requests are sleeping now: how a test knows one is in flight. */
        @GET
        @Path("sleeping")
        @Produces(MediaType.APPLICATION_JSON)
        public String sleeping() {
            return "{\"sleeping\":" + sleeping.get() + "}";
        }
    }
}
