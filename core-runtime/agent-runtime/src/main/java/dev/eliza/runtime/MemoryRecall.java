package dev.eliza.runtime;

import java.util.List;
import java.util.UUID;

import dev.eliza.messaging.api.ChannelMessage;

/**
 * What an agent remembers that bears on a message; the prompt carries it. The memory domain will provide one backed
 * by embeddings; until then the runtime recalls nothing.
 */
@FunctionalInterface
interface MemoryRecall {
    /** Recalls nothing. */
    MemoryRecall NONE = (agentId, message) -> List.of();

    /** Texts the agent remembers about {@code message}, most relevant first. */
    List<String> recall(UUID agentId, ChannelMessage message);
}
