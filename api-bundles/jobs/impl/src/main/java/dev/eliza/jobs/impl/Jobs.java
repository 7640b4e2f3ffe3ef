package dev.eliza.jobs.impl;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiException;
import dev.eliza.messaging.api.AnswerWatch;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.InvalidMessageException;
import dev.eliza.messaging.api.MessageOrigin;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;
import dev.eliza.messaging.api.UnknownChannelException;

/**
 * Creating a job: picks the agent, keeps the store bounded, stores the job, then posts it as the user's message
 * in a channel of its own with the agent (created by messaging on first use) and hands it to the runner.
 */
final class Jobs {
    static final UUID DEFAULT_SERVER = new UUID(0, 0);

    private final JobStore store;
    private final Supplier<List<UUID>> activeAgents;
    private final Predicate<UUID> shouldRun;
    private final MessageService messages;
    private final JobRunner runner;
    private final Clock clock;
    private final int maxJobs;

    /** {@code shouldRun} answers for an agent {@code activeAgents} lacks (started on another node a moment ago). */
    Jobs(JobStore store, Supplier<List<UUID>> activeAgents, Predicate<UUID> shouldRun, MessageService messages,
         JobRunner runner, Clock clock, int maxJobs) {
        this.store = store;
        this.activeAgents = activeAgents;
        this.shouldRun = shouldRun;
        this.messages = messages;
        this.runner = runner;
        this.clock = clock;
        this.maxJobs = maxJobs;
    }

    int maxJobs() {
        return maxJobs;
    }

    JobStore store() {
        return store;
    }

    Job create(JobRequest request) {
        List<UUID> active = activeAgents.get();
        UUID agent = request.agentId().orElseGet(() -> active.stream().findFirst()
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "No agents available on server")));
        if (!active.contains(agent) && !shouldRun.test(agent)) {
            throw new ApiException(404, "NOT_FOUND", "Agent " + agent + " not found");
        }
        makeRoom();
        long now = clock.millis();
        Job job = Job.accepted(UUID.randomUUID(), agent, request.userId(), request.content(), UUID.randomUUID(), now,
                now + request.timeoutMs(), request.metadata().toString());
        store.insert(job);
        AnswerWatch watch = runner.watch(job);
        ChannelMessage posted;
        try {
            posted = messages.post(message(job, request.metadata()));
        } catch (InvalidMessageException | UnknownChannelException e) {
            watch.close();
            Job failed = job.ended(JobStatus.FAILED, "Failed to create user message: " + e.getMessage());
            store.finish(failed);
            return failed;
        }
        store.posted(job.id(), posted.id());
        Job followed = job.posted(posted.id());
        runner.follow(followed, watch);
        return followed;
    }

    /** As 1.7.2, the oldest tenth is dropped when full, but only jobs that ended; 429 when all are running. */
    private void makeRoom() {
        if (store.count() < maxJobs) {
            return;
        }
        store.evictOldestEnded(Math.max(1, maxJobs / 10));
        if (store.count() >= maxJobs) {
            throw new ApiException(429, "TOO_MANY_JOBS",
                    "Too many jobs in progress (maximum " + maxJobs + "); try again later");
        }
    }

    private static NewMessage message(Job job, ObjectNode given) {
        ObjectNode metadata = given.deepCopy();
        metadata.put("jobId", job.id().toString());
        metadata.put("isJobMessage", true);
        // Messaging makes the agent named here a participant of the channel it creates.
        metadata.put("targetAgentId", job.agentId().toString());
        return new NewMessage(job.channelId(), DEFAULT_SERVER, job.userId(), "", job.prompt(), "job_request",
                metadata, null, MessageOrigin.REST, Optional.empty(), true);
    }
}
