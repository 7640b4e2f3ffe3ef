package dev.eliza.it;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Socket.IO user of the ElizaOS message protocol over {@link EngineIoClient}'s WebSocket: connects as an
 * entity, joins channels, sends messages, and records every event it receives so that a test can count them.
 */
final class SocketIoPeer implements AutoCloseable {
    private static final String SERVER = "00000000-0000-0000-0000-000000000000";

    /** One Socket.IO event as received: its name and first argument. */
    record Event(String name, JsonNode payload) {
    }

    private final EngineIoClient.Socket socket;
    private final String entityId = UUID.randomUUID().toString();
    private final List<Event> events = new ArrayList<>();

    private SocketIoPeer(EngineIoClient.Socket socket) {
        this.socket = socket;
    }

    /** Connects to the node on {@code port} and waits for the server's {@code connection_established}. */
    static SocketIoPeer connect(int port) throws Exception {
        SocketIoPeer peer = new SocketIoPeer(new EngineIoClient(port).websocket());
        if (!peer.socket.next(10).startsWith("0{")) {
            throw new AssertionError("No Engine.IO open packet");
        }
        peer.socket.send("40{\"entityId\":\"" + peer.entityId + "\"}");
        peer.await("connection_established", e -> true, 30);
        return peer;
    }

    String entityId() {
        return entityId;
    }

    void join(String channelId) throws Exception {
        emit("1", Http.JSON.createObjectNode().put("channelId", channelId).put("entityId", entityId)
                .put("messageServerId", SERVER));
        await("room_joined", e -> channelId.equals(e.path("channelId").asText()), 10);
    }

    void send(String channelId, String text) {
        ObjectNode message = Http.JSON.createObjectNode().put("channelId", channelId).put("senderId", entityId)
                .put("senderName", "Cluster User").put("message", text).put("messageServerId", SERVER)
                .put("source", "cluster_it").put("messageId", UUID.randomUUID().toString());
        message.putObject("metadata").put("channelType", "GROUP");
        emit("2", message);
    }

    /** The first event named {@code name} whose payload matches, among those seen so far or arriving in time. */
    JsonNode await(String name, Predicate<JsonNode> matches, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int checked = 0;
        while (true) {
            for (; checked < events.size(); checked++) {
                Event event = events.get(checked);
                if (event.name().equals(name) && matches.test(event.payload())) {
                    return event.payload();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + name + " as expected within " + seconds + " s; saw " + events);
            }
            receive();
        }
    }

    /** Every event named {@code name} with a matching payload received so far. */
    long count(String name, Predicate<JsonNode> matches) {
        return events.stream().filter(e -> e.name().equals(name) && matches.test(e.payload())).count();
    }

    /** Waits up to a second for one frame, so that the caller re-checks its deadline at least that often. */
    private void receive() throws Exception {
        String frame;
        try {
            frame = socket.next(1);
        } catch (AssertionError quiet) {
            return;
        }
        if (frame.startsWith("42")) {
            JsonNode array = Http.JSON.readTree(frame.substring(2));
            events.add(new Event(array.path(0).asText(), array.path(1)));
        }
    }

    private void emit(String event, JsonNode payload) {
        socket.send("42" + Http.JSON.createArrayNode().add(event).add(payload));
    }

    @Override
    public void close() {
        socket.close();
    }
}
