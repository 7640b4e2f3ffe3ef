package dev.eliza.messaging.api;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /**
     * Creates a channel of {@code serverId} with a fresh id and these participants (a session's DM channel, one per
     * session rather than one per pair). Since 1.2.0; the default refuses, for implementations that predate it.
     */
    default Channel createChannel(UUID serverId, String name, String type, ObjectNode metadata,
                                  List<UUID> participants) {
        throw new UnsupportedOperationException("createChannel");
    }

    /**
     * A page of the channel's messages, newest first, for cursor paging: up to {@code limit} messages stored
     * strictly before {@code beforeMs} and strictly after {@code afterMs} (epoch milliseconds, either optional).
     * With only {@code afterMs}, the page is the oldest {@code limit} messages after it (still newest first), so
     * paging forward never skips any. Since 1.2.0; the default refuses.
     */
    default List<ChannelMessage> page(UUID channelId, OptionalLong beforeMs, OptionalLong afterMs, int limit) {
        throw new UnsupportedOperationException("page");
    }
}
