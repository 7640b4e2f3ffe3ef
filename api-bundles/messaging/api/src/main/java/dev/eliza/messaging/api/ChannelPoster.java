package dev.eliza.messaging.api;

import java.util.UUID;

/** Posts a message into a channel, stored and delivered to the channel's subscribers like any other. */
public interface ChannelPoster {

    /**
     * Posts {@code text} into {@code channelId} as written by {@code authorId}; returns the new message's id.
     *
     * @throws UnknownChannelException when the channel does not exist
     */
    UUID post(UUID channelId, UUID authorId, String text);
}
