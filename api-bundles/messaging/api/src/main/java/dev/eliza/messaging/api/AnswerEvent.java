package dev.eliza.messaging.api;

import java.util.Optional;
import java.util.UUID;

/** What an {@link AnswerWatch} hears about a message: pieces of a streamed answer, then its end. */
public sealed interface AnswerEvent permits AnswerEvent.Chunk, AnswerEvent.Done {
    /** The message being answered. */
    UUID messageId();

    /** A streamed piece of the reply {@code replyId}, the {@code index}-th. */
    record Chunk(UUID messageId, UUID replyId, int index, String chunk) implements AnswerEvent {
    }

    /**
     * The end of an agent's handling of the message: {@link DeliveryState#REPLIED} with the reply and the message
     * stored for it, or {@link DeliveryState#NO_REPLY} / {@link DeliveryState#FAILED} with the reason.
     */
    record Done(UUID messageId, DeliveryState state, Optional<AgentReply> reply, Optional<ChannelMessage> stored,
                Optional<String> reason) implements AnswerEvent {
    }
}
