package dev.eliza.sessions.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.messaging.api.Channel;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.sessions.api.TimeoutConfig;

/**
 * A session's lifecycle over its row: creation (with its own DM channel), lookups that refuse expired sessions,
 * renewals (manual, heartbeat, message activity) bounded by the maximum duration, timeout changes, deletion.
 */
final class Sessions {
    /** The message server every session channel belongs to (ElizaOS's default server). */
    static final UUID DEFAULT_SERVER = new UUID(0, 0);

    /** A session after some activity, and whether the activity renewed it. */
    record Touched(SessionRow row, boolean renewed) {
    }

    private final SessionStore store;
    private final TimeoutPolicy policy;
    private final Clock clock;
    private final SessionSignals signals;

    Sessions(SessionStore store, TimeoutPolicy policy, Clock clock, SessionSignals signals) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.signals = signals;
    }

    Instant now() {
        // PostgreSQL keeps microseconds and the API shows milliseconds: store what is shown.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    TimeoutPolicy policy() {
        return policy;
    }

    SessionRow create(UUID agentId, UUID userId, ObjectNode metadata, TimeoutConfig config, MessageService messages) {
        UUID sessionId = UUID.randomUUID();
        Instant now = now();
        ObjectNode channelMetadata = metadata.deepCopy();
        channelMetadata.put("sessionId", sessionId.toString());
        channelMetadata.put("agentId", agentId.toString());
        channelMetadata.put("userId", userId.toString());
        Channel channel;
        try {
            channel = messages.createChannel(DEFAULT_SERVER, "session-" + sessionId, "DM", channelMetadata,
                    List.of(userId, agentId));
        } catch (RuntimeException e) {
            if (SessionErrors.causedByTheDatabase(e)) {
                throw e;
            }
            throw SessionErrors.sessionCreation("the session's channel could not be created");
        }
        SessionRow row = new SessionRow(sessionId, channel.id(), agentId, userId, metadata.toString(), now, now,
                policy.expiry(now, now, config), config.timeoutMinutes(), config.autoRenew(),
                config.maxDurationMinutes(), config.warningThresholdMinutes(), 0, false);
        store.insert(row);
        return row;
    }

    /** The session, unless it does not exist (404) or has expired (410). */
    SessionRow active(String id) {
        SessionRow row = parse(id).flatMap(store::find).orElseThrow(() -> SessionErrors.sessionNotFound(id));
        if (!now().isBefore(row.expiresAt())) {
            throw SessionErrors.sessionExpired(id, row.expiresAt());
        }
        return row;
    }

    /** A manual renewal: refused once the session has lived its maximum duration. */
    SessionRow renew(String id) {
        SessionRow row = active(id);
        Instant now = now();
        if (policy.atMaximum(row.createdAt(), now, row.timeoutConfig())) {
            throw SessionErrors.renewal(id, "Maximum session duration reached");
        }
        return stored(renewed(row, now), true);
    }

    /** Activity (a heartbeat, a message): renews when the session auto-renews, else only records the activity. */
    Touched touch(String id) {
        return touch(active(id));
    }

    /** {@link #touch(String)} of a session {@link #active} has just read. */
    Touched touch(SessionRow row) {
        Instant now = now();
        boolean renew = row.autoRenew() && !policy.atMaximum(row.createdAt(), now, row.timeoutConfig());
        SessionRow next = renew ? renewed(row, now)
                : row.with(now, row.expiresAt(), row.timeoutConfig(), row.renewalCount());
        return new Touched(stored(next, renew), renew);
    }

    SessionRow updateTimeout(String id, com.fasterxml.jackson.databind.JsonNode body) {
        SessionRow row = active(id);
        TimeoutConfig config = policy.forUpdate(row.timeoutConfig(), body);
        return stored(row.with(row.lastActivity(), policy.expiry(row.createdAt(), row.lastActivity(), config),
                config, row.renewalCount()), false);
    }

    void delete(String id) {
        if (!parse(id).map(store::delete).orElse(false)) {
            throw SessionErrors.sessionNotFound(id);
        }
    }

    List<SessionRow> all() {
        return store.all();
    }

    private SessionRow renewed(SessionRow row, Instant now) {
        return row.with(now, policy.expiry(row.createdAt(), now, row.timeoutConfig()), row.timeoutConfig(),
                row.renewalCount() + 1);
    }

    private SessionRow stored(SessionRow row, boolean renewal) {
        if (!store.update(row)) {
            throw SessionErrors.sessionNotFound(row.sessionId().toString());
        }
        if (renewal) {
            signals.renewed(row);
        }
        return row;
    }

    static Optional<UUID> parse(String id) {
        try {
            return id != null && id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
