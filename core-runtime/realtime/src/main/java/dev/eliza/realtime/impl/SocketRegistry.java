package dev.eliza.realtime.impl;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.eliza.realtime.api.RealtimeBroadcaster;

/**
 * The connected sockets and their rooms; sends events to them, encoding each event once. With a
 * {@link ClusterRelay}, what goes to a room, to all or to a socket connected elsewhere also goes to the other nodes,
 * which hand the same encoded packet to their own sockets.
 */
final class SocketRegistry implements RealtimeBroadcaster {
    private final Map<String, ConnectedSocket> sockets = new ConcurrentHashMap<>();
    private final Map<String, Set<ConnectedSocket>> rooms = new ConcurrentHashMap<>();
    private final EventFrames frames;
    private volatile Optional<ClusterRelay> relay = Optional.empty();

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

    /** Joins (or, with an empty one, leaves) the other nodes. */
    void relay(Optional<ClusterRelay> relay) {
        this.relay = relay;
    }

    @Override
    public void toRoom(String room, String event, Object... args) {
        Set<ConnectedSocket> members = rooms.get(room);
        Optional<ClusterRelay> cluster = relay;
        if (cluster.isPresent() || members != null && !members.isEmpty()) {
            String packet = frames.event(event, args);
            sendToRoom(room, packet);
            cluster.ifPresent(r -> r.toRoom(room, packet));
        }
    }

    @Override
    public void toSocket(String socketId, String event, Object... args) {
        Optional<ConnectedSocket> local = find(socketId);
        if (local.isPresent()) {
            local.get().emit(event, args);
        } else {
            relay.ifPresent(r -> r.toSocket(socketId, frames.event(event, args)));
        }
    }

    @Override
    public void toAll(String event, Object... args) {
        String packet = frames.event(event, args);
        sendToAll(packet);
        relay.ifPresent(r -> r.toAll(packet));
    }

    /** Hands an encoded packet to this node's members of {@code room}. */
    void sendToRoom(String room, String packet) {
        Set<ConnectedSocket> members = rooms.get(room);
        if (members != null) {
            members.forEach(socket -> socket.send(packet));
        }
    }

    /** Hands an encoded packet to one socket of this node, if it is here. */
    void sendToSocket(String socketId, String packet) {
        find(socketId).ifPresent(socket -> socket.send(packet));
    }

    /** Hands an encoded packet to every socket of this node. */
    void sendToAll(String packet) {
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
