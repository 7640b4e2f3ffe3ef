package dev.eliza.runtime;

import java.util.List;
import java.util.UUID;

import dev.eliza.messaging.api.AgentReplies;
import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.Delivery;

/**
 * Messaging's deliveries as the runtime moves them, counting each move into its state ({@code processing},
 * {@code received} again on release, {@code replied}, {@code no_reply}, {@code failed}) once it is persisted.
 */
final class MeteredReplies implements AgentReplies {
    private final AgentReplies delegate;
    private final RuntimeMeters meters;

    MeteredReplies(AgentReplies delegate, RuntimeMeters meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public List<Delivery> pending(int limit) {
        return delegate.pending(limit);
    }

    @Override
    public boolean claim(Delivery delivery) {
        boolean claimed = delegate.claim(delivery);
        if (claimed) {
            meters.delivery("processing");
        }
        return claimed;
    }

    @Override
    public void release(Delivery delivery) {
        delegate.release(delivery);
        meters.delivery("received");
    }

    @Override
    public void chunk(Delivery delivery, AgentReply partial, int index, String chunk) {
        delegate.chunk(delivery, partial, index, chunk);
    }

    @Override
    public ChannelMessage reply(Delivery delivery, AgentReply reply) {
        ChannelMessage stored = delegate.reply(delivery, reply);
        meters.delivery("replied");
        return stored;
    }

    @Override
    public void noReply(Delivery delivery, String reason) {
        delegate.noReply(delivery, reason);
        meters.delivery("no_reply");
    }

    @Override
    public void fail(Delivery delivery, String reason) {
        delegate.fail(delivery, reason);
        meters.delivery("failed");
    }

    @Override
    public List<Delivery> deliveries(UUID messageId) {
        return delegate.deliveries(messageId);
    }
}
