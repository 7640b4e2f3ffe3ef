package dev.eliza.sessions.api;

/**
 * The Socket.IO events sent to a session's channel room (the room named by the session's {@code channelId}).
 * Each carries {@code {sessionId, channelId, expiresAt}} (ISO time) and, for renewals, {@code renewalCount}.
 */
public final class SessionEvents {
    /** The session will expire within its warning threshold; also carries {@code timeRemaining} (ms). */
    public static final String EXPIRATION_WARNING = "sessionExpirationWarning";
    /** The session was renewed (manually, by a heartbeat or by a message). */
    public static final String RENEWED = "sessionRenewed";
    /** The session expired and was removed. */
    public static final String EXPIRED = "sessionExpired";

    private SessionEvents() {
    }
}
