package dev.eliza.messaging.api;

import java.util.Optional;
import java.util.UUID;

/**
 * One message addressed to one agent, and where it stands.
 *
 * @param agentId the agent the message is for
 * @param message the message
 * @param state the delivery's state
 * @param reason why it ended in {@code NO_REPLY} or {@code FAILED}
 * @param depth how many agent replies precede this message in its reply chain (0 for a person's message), so the
 *     runtime can bound agent-to-agent loops
 * @param attempts how many times the runtime took it
 * @param updatedAt the last change of state, epoch milliseconds
 */
public record Delivery(UUID agentId, ChannelMessage message, DeliveryState state, Optional<String> reason, int depth,
                       int attempts, long updatedAt) {
}
