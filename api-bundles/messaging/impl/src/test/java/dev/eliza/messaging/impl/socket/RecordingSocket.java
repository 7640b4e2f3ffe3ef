package dev.eliza.messaging.impl.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.realtime.api.RealtimeSocket;

/** A socket that records what it is sent, serialised as the realtime bundle would write it. */
final class RecordingSocket implements RealtimeSocket {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One emission: its event name and its first argument as JSON. */
    record Emitted(String event, JsonNode payload) {
    }

    final List<Emitted> emitted = new ArrayList<>();
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final UUID entityId = UUID.randomUUID();

    @Override
    public String id() {
        return "sock-1";
    }

    @Override
    public UUID entityId() {
        return entityId;
    }

    @Override
    public void join(String room) {
        rooms.add(room);
    }

    @Override
    public void leave(String room) {
        rooms.remove(room);
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms);
    }

    @Override
    public void emit(String event, Object... args) {
        emitted.add(new Emitted(event, JSON.valueToTree(args.length == 0 ? null : args[0])));
    }

    List<String> events() {
        return emitted.stream().map(Emitted::event).toList();
    }

    JsonNode last(String event) {
        return emitted.stream().filter(e -> e.event().equals(event)).reduce((a, b) -> b).orElseThrow().payload();
    }
}
