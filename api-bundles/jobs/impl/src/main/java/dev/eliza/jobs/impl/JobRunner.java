package dev.eliza.jobs.impl;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.messaging.api.AnswerEvent;
import dev.eliza.messaging.api.AnswerWatch;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.messaging.api.MessageAnswers;

/**
 * Waits for jobs' answers on a small pool of its own, never on an HTTP thread. Each job waits in turns of at most
 * {@code turnMillis} and then goes to the back of the queue, so a few threads serve many jobs: an answer that
 * comes while a job waits for its turn stays in the job's watch. At the deadline what messaging stored is read
 * once more (an answer may have come before the watch did, or while the node was down), then the job times out.
 */
final class JobRunner {
    static final String TIMED_OUT = "Job timed out waiting for agent response";
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final MessageAnswers answers;
    private final ReplyLookup lookup;
    private final ExecutorService pool;
    private final Clock clock;
    private final long turnMillis;
    private final Set<UUID> following = ConcurrentHashMap.newKeySet();

    JobRunner(JobStore store, MessageAnswers answers, ReplyLookup lookup, ExecutorService pool, Clock clock,
              long turnMillis) {
        this.store = store;
        this.answers = answers;
        this.lookup = lookup;
        this.pool = pool;
        this.clock = clock;
        this.turnMillis = turnMillis;
    }

    /** Opens the watch on the job's channel; open it before posting, so an early answer is not missed. */
    AnswerWatch watch(Job job) {
        return answers.watch(job.channelId());
    }

    /** Follows a posted job until it ends; {@code watch} was opened before it was posted. */
    void follow(Job job, AnswerWatch watch) {
        if (following.add(job.id())) {
            submit(new Wait(job, watch, true));
        } else {
            watch.close();
        }
    }

    /**
     * Follows again the processing jobs nobody here follows: after a restart, or left by a node that stopped. A job
     * with no message recorded yet is left alone until its deadline, as it may be being created right now; past the
     * deadline its message is looked for in its channel.
     */
    void recover() {
        long now = clock.millis();
        for (Job job : store.processing()) {
            if (!following.contains(job.id()) && (job.messageId() != null || job.expiresAt() <= now)) {
                follow(job, answers.watch(job.channelId()));
            }
        }
    }

    boolean isFollowing(UUID jobId) {
        return following.contains(jobId);
    }

    private void submit(Wait wait) {
        try {
            pool.execute(wait);
        } catch (RejectedExecutionException stopping) {
            // The bundle is stopping: the job stays processing in the store and is followed again at the next start.
            wait.watch.close();
            following.remove(wait.job.id());
        }
    }

    private final class Wait implements Runnable {
        private final Job job;
        private final AnswerWatch watch;
        private final boolean first;

        Wait(Job job, AnswerWatch watch, boolean first) {
            this.job = job;
            this.watch = watch;
            this.first = first;
        }

        @Override
        public void run() {
            try {
                Optional<UUID> message = lookup.message(job);
                Optional<Job> end = first && message.isPresent() ? lookup.ended(job, message.get()) : Optional.empty();
                long left = job.expiresAt() - clock.millis();
                if (end.isEmpty() && message.isPresent() && left > 0) {
                    long turn = Math.min(left, turnMillis);
                    end = listen(message.get(), System.nanoTime() + turn * 1_000_000L);
                    if (end.isEmpty() && turn < left) {
                        submit(new Wait(job, watch, false));
                        return;
                    }
                }
                if (end.isEmpty() && message.isPresent()) {
                    end = lookup.ended(job, message.get());
                }
                finish(end.orElseGet(() -> job.ended(JobStatus.TIMEOUT, TIMED_OUT)));
            } catch (InterruptedException e) {
                // Stopping: the job stays processing and is followed again at the next start.
                Thread.currentThread().interrupt();
                done();
            } catch (RuntimeException e) {
                LOG.warn("Job {} could not be followed; it is retried at the next sweep", job.id(), e);
                done();
            }
        }

        private Optional<Job> listen(UUID message, long deadlineNanos) throws InterruptedException {
            while (true) {
                Optional<AnswerEvent> event = watch.next(message, deadlineNanos);
                if (event.isEmpty()) {
                    return Optional.empty();
                }
                if (event.get() instanceof AnswerEvent.Done done) {
                    if (done.state() == DeliveryState.REPLIED && done.stored().isPresent()) {
                        var reply = done.stored().get();
                        return Optional.of(job.completed(reply.id(), reply.text(), reply.createdAt()));
                    }
                    return Optional.of(job.ended(JobStatus.FAILED, done.reason().orElse(done.state().wire())));
                }
            }
        }

        private void finish(Job ended) {
            store.finish(ended);
            done();
        }

        private void done() {
            watch.close();
            following.remove(job.id());
        }
    }
}
