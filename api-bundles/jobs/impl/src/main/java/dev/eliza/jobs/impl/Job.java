package dev.eliza.jobs.impl;

import java.util.UUID;

/**
 * One row of {@code jobs}; public so MyBatis constructs it. The reply fields are set once the job completed,
 * {@code error} once it failed or timed out.
 *
 * @param messageId the user message the job was posted as, null until it is posted
 * @param metadataJson the caller's metadata, a JSON object
 */
public record Job(UUID id, UUID agentId, UUID userId, String prompt, UUID channelId, UUID messageId, String status,
                  Long createdAt, Long expiresAt, String metadataJson, UUID replyId, String replyText,
                  Long replyCreatedAt, Long processingTimeMs, String error) {

    /** A job just accepted, about to be posted. */
    static Job accepted(UUID id, UUID agentId, UUID userId, String prompt, UUID channelId, long createdAt,
                        long expiresAt, String metadataJson) {
        return new Job(id, agentId, userId, prompt, channelId, null, JobStatus.PROCESSING.wire(), createdAt,
                expiresAt, metadataJson, null, null, null, null, null);
    }

    Job posted(UUID message) {
        return new Job(id, agentId, userId, prompt, channelId, message, status, createdAt, expiresAt, metadataJson,
                replyId, replyText, replyCreatedAt, processingTimeMs, error);
    }

    Job ended(JobStatus to, String why) {
        return new Job(id, agentId, userId, prompt, channelId, messageId, to.wire(), createdAt, expiresAt,
                metadataJson, replyId, replyText, replyCreatedAt, processingTimeMs, why);
    }

    Job completed(UUID reply, String text, long repliedAt) {
        return new Job(id, agentId, userId, prompt, channelId, messageId, JobStatus.COMPLETED.wire(), createdAt,
                expiresAt, metadataJson, reply, text, repliedAt, Math.max(0, repliedAt - createdAt), null);
    }

    boolean isProcessing() {
        return JobStatus.PROCESSING.wire().equals(status);
    }
}
