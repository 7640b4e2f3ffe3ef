package dev.eliza.messaging.api;

import java.util.List;
import java.util.UUID;

/**
 * The agent runtime's side of deliveries; a service of the messaging implementation bundle. Every state change
 * is persisted before it is broadcast, so a crash or a swap loses nothing.
 */
public interface AgentReplies {

    /** Up to {@code limit} deliveries in {@link DeliveryState#RECEIVED}, oldest first. */
    List<Delivery> pending(int limit);

    /**
     * Moves a delivery from {@code RECEIVED} to {@code PROCESSING} (counting the attempt); {@code false} when it
     * is not {@code RECEIVED} any more (another taker has it, or it is over), and the caller must leave it alone.
     */
    boolean claim(Delivery delivery);

    /** Gives a claimed delivery back ({@code PROCESSING → RECEIVED}), for example when the runtime stops. */
    void release(Delivery delivery);

    /** Sends one streamed piece of the reply to the channel's room ({@code messageStreamChunk}). */
    void chunk(Delivery delivery, AgentReply partial, int index, String chunk);

    /**
     * Stores the reply as a channel message from the agent ({@code source: agent_response}, in reply to the
     * delivered message), marks the delivery {@code REPLIED} in the same transaction, then broadcasts
     * {@code messageBroadcast} and {@code messageComplete} to the room and hands the reply to the inbox for the
     * channel's other agents.
     */
    ChannelMessage reply(Delivery delivery, AgentReply reply);

    /** Marks the delivery {@code NO_REPLY} with the reason and tells the room ({@code messageComplete}). */
    void noReply(Delivery delivery, String reason);

    /** Marks the delivery {@code FAILED} with the reason and tells the room ({@code messageError}). */
    void fail(Delivery delivery, String reason);

    /** The deliveries of a message, one per addressed agent. */
    List<Delivery> deliveries(UUID messageId);
}
