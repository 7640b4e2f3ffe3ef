package dev.eliza.sessions.impl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.eliza.realtime.api.RealtimeBroadcaster;

/** Keeps what was sent to rooms, for assertions on the session events. */
final class RecordingBroadcaster implements RealtimeBroadcaster {
    record Sent(String room, String event, Map<?, ?> payload) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void toRoom(String room, String event, Object... args) {
        sent.add(new Sent(room, event, (Map<?, ?>) args[0]));
    }

    List<Sent> named(String event) {
        return sent.stream().filter(s -> s.event().equals(event)).toList();
    }

    @Override
    public void toSocket(String socketId, String event, Object... args) {
        throw new UnsupportedOperationException("sessions send to rooms only");
    }

    @Override
    public void toAll(String event, Object... args) {
        throw new UnsupportedOperationException("sessions send to rooms only");
    }

    @Override
    public boolean join(String socketId, String room) {
        return false;
    }

    @Override
    public boolean leave(String socketId, String room) {
        return false;
    }

    @Override
    public int connectedCount() {
        return 0;
    }
}
