package dev.eliza.messaging.api;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored channel message.
 *
 * @param id the message's id
 * @param channelId the channel it was posted in
 * @param serverId the message server the channel belongs to
 * @param authorId who wrote it (a user's central id or an agent's id)
 * @param authorName the author's display name, empty when none was given
 * @param text the text
 * @param source where it came from, as ElizaOS names it ({@code client_chat}, {@code agent_response}, …)
 * @param inReplyTo the message this one answers, if any
 * @param metadata the message's metadata as sent (an empty object when none); the delivery state of a message
 *     addressed to agents is kept apart, see {@link AgentReplies#deliveries(UUID)}
 * @param attachments the attachments as sent, an empty array when none
 * @param createdAt when it was stored, epoch milliseconds
 */
public record ChannelMessage(UUID id, UUID channelId, UUID serverId, UUID authorId, String authorName, String text,
                             String source, Optional<UUID> inReplyTo, ObjectNode metadata, JsonNode attachments,
                             long createdAt) {
}
