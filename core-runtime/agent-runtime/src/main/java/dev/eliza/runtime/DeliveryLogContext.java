package dev.eliza.runtime;

import org.slf4j.MDC;

import dev.eliza.messaging.api.Delivery;

/**
 * Puts a delivery's agent and channel ids in the log context of the thread working on it, so each line logged
 * while a reply is made names them ({@code agentId}, {@code channelId}); closing takes them out again.
 */
final class DeliveryLogContext implements AutoCloseable {
    private final MDC.MDCCloseable agent;
    private final MDC.MDCCloseable channel;

    private DeliveryLogContext(Delivery delivery) {
        agent = MDC.putCloseable("agentId", delivery.agentId().toString());
        channel = MDC.putCloseable("channelId", delivery.message().channelId().toString());
    }

    static DeliveryLogContext of(Delivery delivery) {
        return new DeliveryLogContext(delivery);
    }

    @Override
    public void close() {
        channel.close();
        agent.close();
    }
}
