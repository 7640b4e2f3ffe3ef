package dev.eliza.messaging.api;

import java.util.List;
import java.util.UUID;

/**
 * What an agent answers to a delivery.
 *
 * @param replyId the id the reply message gets (the one its stream chunks already carried)
 * @param agentName the agent's display name
 * @param text the reply's text
 * @param thought the agent's reasoning as ElizaOS shows it, empty for none
 * @param actions the actions the agent took ({@code REPLY} for a plain answer)
 */
public record AgentReply(UUID replyId, String agentName, String text, String thought, List<String> actions) {
}
