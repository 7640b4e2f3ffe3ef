package dev.eliza.realtime.impl;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.eliza.realtime.api.RealtimeBroadcaster;

/** The connected sockets and their rooms; sends events to them, encoding each event once. */
final class SocketRegistry implements RealtimeBroadcaster {
    private final Map<String, ConnectedSocket> sockets = new ConcurrentHashMap<>();
    private final Map<String, Set<ConnectedSocket>> rooms = new ConcurrentHashMap<>();
    private final EventFrames frames;

    SocketRegistry(EventFrames frames) {
        this.frames = frames;
    }

    void add(ConnectedSocket socket) {
        sockets.put(socket.id(), socket);
    }

    void remove(ConnectedSocket socket) {
        sockets.remove(socket.id());
        for (String room : socket.roomSet()) {
            leave(socket, room);
        }
        socket.disconnected();
    }

    void join(ConnectedSocket socket, String room) {
        rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(socket);
        socket.roomSet().add(room);
    }

    void leave(ConnectedSocket socket, String room) {
        socket.roomSet().remove(room);
        rooms.computeIfPresent(room, (r, members) -> {
            members.remove(socket);
            return members.isEmpty() ? null : members;
        });
    }

    @Override
    public void toRoom(String room, String event, Object... args) {
        Set<ConnectedSocket> members = rooms.get(room);
        if (members != null && !members.isEmpty()) {
            String packet = frames.event(event, args);
            members.forEach(socket -> socket.send(packet));
        }
    }

    @Override
    public void toSocket(String socketId, String event, Object... args) {
        find(socketId).ifPresent(socket -> socket.emit(event, args));
    }

    @Override
    public void toAll(String event, Object... args) {
        String packet = frames.event(event, args);
        sockets.values().forEach(socket -> socket.send(packet));
    }

    @Override
    public boolean join(String socketId, String room) {
        find(socketId).ifPresent(socket -> join(socket, room));
        return sockets.containsKey(socketId);
    }

    @Override
    public boolean leave(String socketId, String room) {
        find(socketId).ifPresent(socket -> leave(socket, room));
        return sockets.containsKey(socketId);
    }

    @Override
    public int connectedCount() {
        return sockets.size();
    }

    private Optional<ConnectedSocket> find(String socketId) {
        return Optional.ofNullable(sockets.get(socketId));
    }
}
