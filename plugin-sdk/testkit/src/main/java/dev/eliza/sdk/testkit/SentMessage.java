package dev.eliza.sdk.testkit;

import java.util.UUID;

/**
 * A message the plugin posted through {@link dev.eliza.sdk.ChannelMessages}.
 *
 * @param id the id the harness gave it
 * @param channelId the channel
 * @param authorId the author
 * @param text the text
 */
public record SentMessage(UUID id, UUID channelId, UUID authorId, String text) {
}
