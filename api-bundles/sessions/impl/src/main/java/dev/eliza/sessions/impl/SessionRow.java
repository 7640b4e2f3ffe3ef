package dev.eliza.sessions.impl;

import java.time.Instant;
import java.util.UUID;

import dev.eliza.sessions.api.TimeoutConfig;

/** One row of {@code sessions}; public so MyBatis constructs it without a failed reflective access. */
public record SessionRow(UUID sessionId, UUID channelId, UUID agentId, UUID userId, String metadataJson,
                         Instant createdAt, Instant lastActivity, Instant expiresAt, int timeoutMinutes,
                         boolean autoRenew, int maxDurationMinutes, int warningThresholdMinutes, int renewalCount,
                         boolean warned) {

    TimeoutConfig timeoutConfig() {
        return new TimeoutConfig(timeoutMinutes, autoRenew, maxDurationMinutes, warningThresholdMinutes);
    }

    /** The same session with new activity, expiry and configuration. */
    SessionRow with(Instant activity, Instant expiry, TimeoutConfig config, int renewals) {
        return new SessionRow(sessionId, channelId, agentId, userId, metadataJson, createdAt, activity, expiry,
                config.timeoutMinutes(), config.autoRenew(), config.maxDurationMinutes(),
                config.warningThresholdMinutes(), renewals, false);
    }
}
