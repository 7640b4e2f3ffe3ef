package dev.eliza.messaging.api;

import java.util.UUID;

/**
 * Follows the agents' answers to messages posted in a channel, for bundles that hand the answer to their caller
 * (the sessions API's {@code http} and {@code sse} transports, jobs). A service of the messaging implementation
 * bundle. A watch sees the answers produced on this node.
 */
public interface MessageAnswers {
    /** Starts listening on the channel; open it before posting, so an answer that comes first is not missed. */
    AnswerWatch watch(UUID channelId);
}
