package dev.eliza.jobs.impl;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.DomainContribution;
import dev.eliza.messaging.api.AgentReplies;
import dev.eliza.messaging.api.MessageAnswers;
import dev.eliza.messaging.api.MessageService;

/**
 * Mounts the jobs routes and runs the jobs: a pool of {@link #WAITERS} threads follows them, a sweeper follows
 * again the ones left processing (after a restart) and deletes ended jobs past the retention. Both stop on
 * deactivation; a job still processing then is followed again at the next start.
 */
@Component(service = DomainContribution.class)
public final class JobsContribution implements DomainContribution {
    static final int WAITERS = 4;
    static final int MAX_JOBS = 10_000;
    static final String RETENTION_KEY = "JOBS_RETENTION_MINUTES";
    static final Duration DEFAULT_RETENTION = Duration.ofMinutes(60);
    private static final long TURN_MILLIS = 500;
    private static final Duration SWEEP = Duration.ofMinutes(1);

    private final ExecutorService waiters;
    private final ScheduledExecutorService sweeper;
    private final Set<Object> resources;

    @Activate
    public JobsContribution(@Reference JobStore store, @Reference MessageService messages,
                            @Reference MessageAnswers answers, @Reference AgentReplies replies,
                            @Reference AgentDirectory agents, BundleContext context) {
        Clock clock = Clock.systemUTC();
        this.waiters = new ThreadPoolExecutor(WAITERS, WAITERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(MAX_JOBS * 2), threads("jobs-wait-"));
        this.sweeper = new ScheduledThreadPoolExecutor(1, threads("jobs-sweep-"));
        JobRunner runner = new JobRunner(store, answers, new ReplyLookup(messages, replies::deliveries), waiters,
                clock, TURN_MILLIS);
        Jobs jobs = new Jobs(store, agents::activeIds, agents::shouldRun, messages, runner, clock, MAX_JOBS);
        JobSweep sweep = new JobSweep(store, runner, clock, JobSweep.retention(context.getProperty(RETENTION_KEY),
                DEFAULT_RETENTION));
        sweeper.scheduleWithFixedDelay(sweep, 0, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        this.resources = Set.of(new JobsResource(jobs, clock));
    }

    @Deactivate
    void stop() {
        sweeper.shutdownNow();
        waiters.shutdownNow();
    }

    @Override
    public String domain() {
        return "jobs";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/messaging/jobs", "/api/jobs");
    }

    @Override
    public Set<Object> resources() {
        return resources;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
