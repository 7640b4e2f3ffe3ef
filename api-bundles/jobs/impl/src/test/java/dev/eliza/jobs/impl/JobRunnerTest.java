package dev.eliza.jobs.impl;

import static dev.eliza.jobs.impl.JobsSliceTest.AGENT;
import static dev.eliza.jobs.impl.JobsSliceTest.USER;
import static dev.eliza.jobs.impl.JobsSliceTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.MessageOrigin;
import dev.eliza.messaging.api.NewMessage;

/** What a restart finds: jobs left processing are followed again and end as messaging's store says. */
class JobRunnerTest {
    private final InMemoryJobStore store = new InMemoryJobStore();
    private final FakeMessaging messaging = new FakeMessaging();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final JobRunner runner = new JobRunner(store, messaging,
            new ReplyLookup(messaging, messaging::deliveries), pool, Clock.systemUTC(), 50);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void anAnswerStoredWhileDownInTimeCompletesTheJob() throws Exception {
        long now = System.currentTimeMillis();
        Job job = leftProcessing(now - 5_000, now + 60_000, true);
        ChannelMessage reply = messaging.storeAnswer(job.messageId(), "answered while down", now - 1_000);
        runner.recover();
        await(() -> !status(job).equals("processing"));
        Job ended = store.find(job.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo("completed");
        assertThat(ended.replyId()).isEqualTo(reply.id());
        assertThat(ended.replyText()).isEqualTo("answered while down");
        assertThat(ended.processingTimeMs()).isEqualTo(4_000);
        assertThat(ended.messageId()).isEqualTo(job.messageId());
    }

    @Test
    void aJobPastItsDeadlineTimesOutUnlessItWasAnsweredInTime() throws Exception {
        long now = System.currentTimeMillis();
        Job late = leftProcessing(now - 10_000, now - 5_000, true);
        messaging.storeAnswer(late.messageId(), "too late", now - 1_000);
        Job unanswered = leftProcessing(now - 10_000, now - 5_000, true);
        Job inTime = leftProcessing(now - 10_000, now - 5_000, true);
        messaging.storeAnswer(inTime.messageId(), "just in time", now - 6_000);
        runner.recover();
        await(() -> store.processing().isEmpty());
        assertThat(status(late)).isEqualTo("timeout");
        assertThat(store.find(late.id()).orElseThrow().error()).isEqualTo(JobRunner.TIMED_OUT);
        assertThat(status(unanswered)).isEqualTo("timeout");
        assertThat(status(inTime)).isEqualTo("completed");
        await(() -> messaging.openWatches() == 0);
    }

    @Test
    void aJobStillInTimeIsFollowedAgainAndCompletesWhenItsAnswerComes() throws Exception {
        long now = System.currentTimeMillis();
        Job job = leftProcessing(now, now + 60_000, true);
        runner.recover();
        runner.recover();
        assertThat(runner.isFollowing(job.id())).isTrue();
        await(() -> messaging.openWatches() == 1);
        messaging.answer(job.messageId(), "later");
        // the runner stores the outcome before it stops following the job
        await(() -> !runner.isFollowing(job.id()));
        assertThat(status(job)).isEqualTo("completed");
    }

    @Test
    void aJobWithoutARecordedMessageIsLeftToItsCreatorUntilItsDeadlineThenFoundInItsChannel() throws Exception {
        long now = System.currentTimeMillis();
        Job creating = leftProcessing(now, now + 60_000, false);
        runner.recover();
        assertThat(runner.isFollowing(creating.id())).isFalse();
        assertThat(status(creating)).isEqualTo("processing");

        Job orphan = leftProcessing(now - 10_000, now - 5_000, false);
        UUID message = messaging.recent(orphan.channelId(), 1).get(0).id();
        messaging.storeAnswer(message, "answered before the crash", now - 8_000);
        runner.recover();
        await(() -> status(orphan).equals("completed"));
        assertThat(store.find(orphan.id()).orElseThrow().replyText()).isEqualTo("answered before the crash");
        assertThat(status(creating)).isEqualTo("processing");
    }

    @Test
    void stoppingLeavesTheJobProcessingForTheNextStart() throws Exception {
        long now = System.currentTimeMillis();
        Job job = leftProcessing(now, now + 60_000, true);
        runner.recover();
        await(() -> messaging.openWatches() == 1);
        pool.shutdownNow();
        await(() -> !runner.isFollowing(job.id()));
        assertThat(status(job)).isEqualTo("processing");
        assertThat(messaging.openWatches()).isZero();
    }

    @Test
    void theSweepDeletesEndedJobsPastTheRetentionOnly() {
        long now = System.currentTimeMillis();
        Job old = Job.accepted(UUID.randomUUID(), AGENT, USER, "old", UUID.randomUUID(), now - 7_200_000,
                now - 7_100_000, "{}").ended(JobStatus.TIMEOUT, JobRunner.TIMED_OUT);
        Job recent = Job.accepted(UUID.randomUUID(), AGENT, USER, "recent", UUID.randomUUID(), now - 60_000,
                now - 30_000, "{}").ended(JobStatus.FAILED, "no");
        store.insert(old);
        store.insert(recent);
        new JobSweep(store, runner, Clock.systemUTC(), Duration.ofMinutes(60)).run();
        assertThat(store.find(old.id())).isEmpty();
        assertThat(store.find(recent.id())).isPresent();
    }

    @Test
    void theRetentionSettingFallsBackToTheDefaultWhenAbsentOrBad() {
        Duration fallback = Duration.ofMinutes(60);
        assertThat(JobSweep.retention("5", fallback)).isEqualTo(Duration.ofMinutes(5));
        assertThat(JobSweep.retention(" 0 ", fallback)).isEqualTo(Duration.ZERO);
        assertThat(JobSweep.retention(null, fallback)).isEqualTo(fallback);
        assertThat(JobSweep.retention("soon", fallback)).isEqualTo(fallback);
        assertThat(JobSweep.retention("-1", fallback)).isEqualTo(fallback);
    }

    private Job leftProcessing(long createdAt, long expiresAt, boolean recorded) {
        UUID channel = UUID.randomUUID();
        Job job = Job.accepted(UUID.randomUUID(), AGENT, USER, "question", channel, createdAt, expiresAt, "{}");
        store.insert(job);
        var metadata = JsonNodeFactory.instance.objectNode().put("targetAgentId", AGENT.toString());
        ChannelMessage posted = messaging.post(new NewMessage(channel, Jobs.DEFAULT_SERVER, USER, "", "question",
                "job_request", metadata, null, MessageOrigin.REST, Optional.empty(), true));
        if (!recorded) {
            return job;
        }
        store.posted(job.id(), posted.id());
        return job.posted(posted.id());
    }

    private String status(Job job) {
        return store.find(job.id()).orElseThrow().status();
    }
}
