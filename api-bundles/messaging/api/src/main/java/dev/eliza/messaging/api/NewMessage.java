package dev.eliza.messaging.api;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message to post into a channel.
 *
 * @param channelId the channel
 * @param serverId the message server the channel belongs to (used when the channel is created on first use)
 * @param authorId who writes it
 * @param authorName the author's display name, empty for none
 * @param text the text, 1 to {@link MessageService#MAX_TEXT_LENGTH} characters
 * @param source ElizaOS's source tag ({@code client_chat} when empty)
 * @param metadata metadata stored and returned as sent
 * @param attachments attachments stored and returned as sent (an array, or {@code null} node for none)
 * @param origin how it arrived, which decides the shape of its {@code messageBroadcast}
 * @param clientMessageId the sender's own id for the message (Socket.IO sends), echoed in the broadcast
 * @param createChannel whether a missing channel is created (as 1.7.2 does for socket sends) rather than refused
 */
public record NewMessage(UUID channelId, UUID serverId, UUID authorId, String authorName, String text, String source,
                         ObjectNode metadata, JsonNode attachments, MessageOrigin origin,
                         Optional<String> clientMessageId, boolean createChannel) {
}
