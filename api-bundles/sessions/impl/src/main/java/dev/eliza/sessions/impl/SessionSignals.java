package dev.eliza.sessions.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.eliza.realtime.api.RealtimeBroadcaster;
import dev.eliza.sessions.api.SessionEvents;

/** Sends a session's lifecycle events to its channel's Socket.IO room, when the realtime bundle is there. */
final class SessionSignals {
    private final Supplier<Optional<RealtimeBroadcaster>> broadcaster;

    SessionSignals(Supplier<Optional<RealtimeBroadcaster>> broadcaster) {
        this.broadcaster = broadcaster;
    }

    void renewed(SessionRow row) {
        Map<String, Object> payload = payload(row.sessionId().toString(), row.channelId().toString(), row.expiresAt());
        payload.put("renewalCount", row.renewalCount());
        send(row.channelId().toString(), SessionEvents.RENEWED, payload);
    }

    void warning(SweptRow row, Instant now) {
        Map<String, Object> payload = payload(row.sessionId().toString(), row.channelId().toString(), row.expiresAt());
        payload.put("timeRemaining", Math.max(0, Duration.between(now, row.expiresAt()).toMillis()));
        send(row.channelId().toString(), SessionEvents.EXPIRATION_WARNING, payload);
    }

    void expired(SweptRow row) {
        send(row.channelId().toString(), SessionEvents.EXPIRED,
                payload(row.sessionId().toString(), row.channelId().toString(), row.expiresAt()));
    }

    private static Map<String, Object> payload(String sessionId, String channelId, Instant expiresAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sessionId", sessionId);
        payload.put("channelId", channelId);
        payload.put("expiresAt", Iso.of(expiresAt));
        return payload;
    }

    private void send(String room, String event, Map<String, Object> payload) {
        broadcaster.get().ifPresent(b -> b.toRoom(room, event, payload));
    }
}
