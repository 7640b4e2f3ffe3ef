package dev.eliza.sdk;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel message an agent received or sent.
 *
 * @param messageId the message's id
 * @param agentId the agent that received or sent it
 * @param channelId the channel it was posted in
 * @param authorId who wrote it (the agent itself for a reply)
 * @param text the message text
 * @param createdAt when it was posted
 */
public record MessageEvent(UUID messageId, UUID agentId, UUID channelId, UUID authorId, String text,
                           Instant createdAt) {
}
