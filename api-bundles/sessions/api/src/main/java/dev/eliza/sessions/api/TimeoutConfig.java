package dev.eliza.sessions.api;

/**
 * How long a session lives, as ElizaOS 1.7.2's {@code timeoutConfig}.
 *
 * @param timeoutMinutes minutes of inactivity after which the session expires
 * @param autoRenew whether activity (a message, a heartbeat) pushes the expiry back
 * @param maxDurationMinutes the session's hard lifetime from its creation, renewals included
 * @param warningThresholdMinutes how long before expiry a {@link SessionEvents#EXPIRATION_WARNING} is sent
 */
public record TimeoutConfig(int timeoutMinutes, boolean autoRenew, int maxDurationMinutes,
                            int warningThresholdMinutes) {
}
