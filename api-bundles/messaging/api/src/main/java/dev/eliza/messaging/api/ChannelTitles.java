package dev.eliza.messaging.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Names a channel from its messages with an agent's model; implemented by the agent runtime. */
public interface ChannelTitles {

    /** A short title for a conversation, made by {@code agentId}'s model; empty when the agent cannot answer. */
    Optional<String> title(UUID agentId, List<ChannelMessage> messages);
}
