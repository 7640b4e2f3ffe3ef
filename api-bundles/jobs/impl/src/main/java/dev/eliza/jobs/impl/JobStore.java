package dev.eliza.jobs.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where jobs are kept. A job leaves {@code processing} once: {@link #finish} changes only a processing job. */
interface JobStore {
    void insert(Job job);

    /** Records the message the job was posted as. */
    void posted(UUID jobId, UUID messageId);

    /** Writes the end of a processing job ({@code ended}'s status, reply and error); false when it had ended. */
    boolean finish(Job ended);

    Optional<Job> find(UUID jobId);

    /** The newest {@code limit} jobs, of the status if one is given. */
    List<Job> newest(Optional<JobStatus> status, int limit);

    /**
     * The jobs still processing that this node may follow, oldest first: all of them on a single node; on several,
     * this node's, those no node owns, and those of nodes no longer live.
     */
    List<Job> processing();

    long count();

    /** How many jobs are in each status (absent: none). */
    Map<JobStatus, Long> countByStatus();

    /** The mean processing time of the completed jobs, 0 when there is none. */
    double averageProcessingTimeMs();

    /** Deletes ended jobs whose deadline is before {@code expiredBefore}; how many. */
    int purge(long expiredBefore);

    /** Deletes the {@code count} oldest ended jobs, making room; how many. */
    int evictOldestEnded(int count);
}
