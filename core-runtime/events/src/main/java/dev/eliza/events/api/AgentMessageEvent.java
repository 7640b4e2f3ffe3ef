package dev.eliza.events.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel message an agent received, or a reply it sent.
 *
 * @param direction received by the agent or sent by it
 * @param messageId the message
 * @param agentId the agent
 * @param channelId the channel the message is in
 * @param authorId who wrote it (the agent for a reply)
 * @param text the text
 * @param at when it was posted
 */
public record AgentMessageEvent(Direction direction, UUID messageId, UUID agentId, UUID channelId, UUID authorId,
                                String text, Instant at) implements PlatformEvent {

    /** Which way the message went. */
    public enum Direction { RECEIVED, SENT }
}
