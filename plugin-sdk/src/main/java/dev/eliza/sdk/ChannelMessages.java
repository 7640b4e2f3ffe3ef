package dev.eliza.sdk;

import java.util.UUID;

/** Posts messages into the server's channels, as ElizaOS clients and agents see them. */
public interface ChannelMessages {

    /**
     * Posts {@code text} into the channel as written by {@code authorId} (an agent or a user id) and returns the new
     * message's id. Subscribers of the channel receive it as any other message.
     *
     * @throws IllegalArgumentException when the channel does not exist or the text is blank
     * @throws PlatformUnavailableException while the messaging module is not running
     */
    UUID send(UUID channelId, UUID authorId, String text);
}
