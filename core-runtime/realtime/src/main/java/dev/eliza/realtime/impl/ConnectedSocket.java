package dev.eliza.realtime.impl;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.eliza.realtime.api.RealtimeSocket;

/** A Socket.IO client that passed the handshake, on top of its Engine.IO connection. */
final class ConnectedSocket implements RealtimeSocket {
    private final String id;
    private final UUID entityId;
    private final Outbox outbox;
    private final SocketRegistry registry;
    private final EventFrames frames;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final List<Runnable> onDisconnect = new CopyOnWriteArrayList<>();
    private volatile boolean disconnected;

    ConnectedSocket(String id, UUID entityId, Outbox outbox, SocketRegistry registry, EventFrames frames) {
        this.id = id;
        this.entityId = entityId;
        this.outbox = outbox;
        this.registry = registry;
        this.frames = frames;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public UUID entityId() {
        return entityId;
    }

    @Override
    public void join(String room) {
        registry.join(this, room);
    }

    @Override
    public void leave(String room) {
        registry.leave(this, room);
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms);
    }

    @Override
    public void emit(String event, Object... args) {
        send(frames.event(event, args));
    }

    @Override
    public void onDisconnect(Runnable action) {
        onDisconnect.add(action);
        if (disconnected && onDisconnect.remove(action)) {
            action.run();
        }
    }

    /** Runs the disconnection actions, each once. */
    void disconnected() {
        disconnected = true;
        for (Runnable action : onDisconnect) {
            if (onDisconnect.remove(action)) {
                action.run();
            }
        }
    }

    Set<String> roomSet() {
        return rooms;
    }

    /** Sends an already encoded Socket.IO packet; past the connection's send bound it is dropped. */
    void send(String packet) {
        outbox.send(packet);
    }
}
