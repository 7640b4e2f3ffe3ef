package dev.eliza.jobs.impl;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.messaging.api.MessageService;

/**
 * Finds a job's end in what messaging stored, for the answers no watch of this node heard: the ones given while
 * the node was down, or while the job waited for a thread. Only an end reached by the job's deadline counts.
 */
final class ReplyLookup {
    /** A job's channel holds its message and the answer; a few more leave room for agents that say more. */
    private static final int CHANNEL_SCAN = 20;

    private final MessageService messages;
    private final Function<UUID, List<Delivery>> deliveries;

    ReplyLookup(MessageService messages, Function<UUID, List<Delivery>> deliveries) {
        this.messages = messages;
        this.deliveries = deliveries;
    }

    /** The message the job was posted as; found in its channel when a crash came before it was recorded. */
    Optional<UUID> message(Job job) {
        if (job.messageId() != null) {
            return Optional.of(job.messageId());
        }
        return messages.recent(job.channelId(), CHANNEL_SCAN).stream()
                .filter(m -> m.authorId().equals(job.userId())).map(ChannelMessage::id).findFirst();
    }

    /** The job with its end applied, when messaging has one in time. */
    Optional<Job> ended(Job job, UUID message) {
        Optional<Delivery> delivery = deliveries.apply(message).stream()
                .filter(d -> d.agentId().equals(job.agentId())).findFirst();
        if (delivery.isEmpty() || !delivery.get().state().isFinal()) {
            return Optional.empty();
        }
        return switch (delivery.get().state()) {
            case REPLIED -> messages.recent(job.channelId(), CHANNEL_SCAN).stream()
                    .filter(m -> m.inReplyTo().equals(Optional.of(message)) && m.authorId().equals(job.agentId()))
                    .filter(m -> m.createdAt() <= job.expiresAt()).findFirst()
                    .map(reply -> job.completed(reply.id(), reply.text(), reply.createdAt()));
            default -> Optional.of(delivery.get()).filter(d -> d.updatedAt() <= job.expiresAt())
                    .map(d -> job.ended(JobStatus.FAILED, d.reason().orElse(d.state().wire())));
        };
    }
}
