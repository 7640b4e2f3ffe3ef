package dev.eliza.messaging.api;

import java.util.UUID;

/** The channel a message was addressed to does not exist. */
public class UnknownChannelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exception for {@code channelId}. */
    public UnknownChannelException(UUID channelId) {
        super("Channel not found: " + channelId);
    }
}
