package dev.eliza.jobs.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@link JobStore} contract in memory, for the slice tests; {@link PgJobStore} is exercised by JobsIT. */
final class InMemoryJobStore implements JobStore {
    private final Map<UUID, Job> jobs = new LinkedHashMap<>();

    @Override
    public synchronized void insert(Job job) {
        jobs.put(job.id(), job);
    }

    @Override
    public synchronized void posted(UUID jobId, UUID messageId) {
        jobs.computeIfPresent(jobId, (id, job) -> job.posted(messageId));
    }

    @Override
    public synchronized boolean finish(Job ended) {
        Job now = jobs.get(ended.id());
        if (now == null || !now.isProcessing()) {
            return false;
        }
        jobs.put(ended.id(), ended.posted(now.messageId()));
        return true;
    }

    @Override
    public synchronized Optional<Job> find(UUID jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public synchronized List<Job> newest(Optional<JobStatus> status, int limit) {
        return jobs.values().stream().filter(j -> status.isEmpty() || j.status().equals(status.get().wire()))
                .sorted(Comparator.comparing(Job::createdAt).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<Job> processing() {
        return jobs.values().stream().filter(Job::isProcessing).toList();
    }

    @Override
    public synchronized long count() {
        return jobs.size();
    }

    @Override
    public synchronized Map<JobStatus, Long> countByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        jobs.values().forEach(j -> counts.merge(JobStatus.of(j.status()).orElseThrow(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized double averageProcessingTimeMs() {
        return jobs.values().stream().filter(j -> j.processingTimeMs() != null)
                .mapToLong(Job::processingTimeMs).average().orElse(0);
    }

    @Override
    public synchronized int purge(long expiredBefore) {
        List<UUID> gone = jobs.values().stream().filter(j -> !j.isProcessing() && j.expiresAt() < expiredBefore)
                .map(Job::id).toList();
        gone.forEach(jobs::remove);
        return gone.size();
    }

    @Override
    public synchronized int evictOldestEnded(int count) {
        List<UUID> gone = new ArrayList<>(jobs.values().stream().filter(j -> !j.isProcessing())
                .sorted(Comparator.comparing(Job::createdAt)).map(Job::id).limit(count).toList());
        gone.forEach(jobs::remove);
        return gone.size();
    }
}
