package dev.eliza.messaging.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Channels and their messages as other bundles use them (the Socket.IO handlers, sessions, the agent runtime).
 * A service of the messaging implementation bundle.
 */
public interface MessageService {
    /** The longest message text accepted, in characters (as the sessions API). */
    int MAX_TEXT_LENGTH = 4000;

    /** The channel with this id, if any. */
    Optional<Channel> channel(UUID channelId);

    /**
     * Stores a message, and in the same transaction a delivery ({@link DeliveryState#RECEIVED}) for every agent of
     * the channel other than its author; then broadcasts it to the channel's room and hands the deliveries to the
     * {@link AgentInbox} if one is registered.
     *
     * @throws UnknownChannelException when the channel does not exist and {@code createChannel} is false
     * @throws InvalidMessageException when the text is empty or too long
     */
    ChannelMessage post(NewMessage message);

    /** The message with this id, if any. */
    Optional<ChannelMessage> message(UUID messageId);

    /** Up to {@code limit} of the channel's latest messages, oldest first (the order a prompt reads them in). */
    List<ChannelMessage> recent(UUID channelId, int limit);
}
