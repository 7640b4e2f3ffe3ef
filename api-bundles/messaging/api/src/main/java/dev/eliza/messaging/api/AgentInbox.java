package dev.eliza.messaging.api;

/**
 * Where the messaging domain hands messages addressed to agents; implemented by the agent runtime and
 * registered as a service. When no inbox is registered (the runtime is stopped or being updated), deliveries stay
 * {@link DeliveryState#RECEIVED}; the runtime takes them with {@link AgentReplies#pending(int)} when it comes back.
 */
public interface AgentInbox {

    /** Takes a new delivery; returns at once (the reply is made on the runtime's own threads). */
    void deliver(Delivery delivery);
}
