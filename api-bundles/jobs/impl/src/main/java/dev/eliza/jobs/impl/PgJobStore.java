package dev.eliza.jobs.impl;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.eliza.persistence.api.Cluster;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;

/**
 * The {@link JobStore} over PostgreSQL's {@code jobs} table, so jobs survive a restart. A job belongs to the node
 * that accepted it (while the cluster service runs): the processing jobs handed out to be followed are this node's
 * and those of nodes no longer live, so two nodes never both follow one job.
 */
@Component(service = JobStore.class)
public final class PgJobStore implements JobStore {
    private final SqlSessionFactory sessions;
    private final AtomicReference<Cluster> cluster = new AtomicReference<>();

    @Activate
    public PgJobStore(@Reference Database database, BundleContext context) {
        this(migrated(database, context));
    }

    PgJobStore(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    private static SqlSessionFactory migrated(Database database, BundleContext context) {
        database.migrate("jobs", Migration.scan(context.getBundle(), "db/jobs"));
        return database.sessionFactory(context.getBundle().adapt(BundleWiring.class).getClassLoader(),
                JobMapper.class);
    }

    /** The nodes sharing the database, while the service runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCluster(Cluster nodes) {
        cluster.set(nodes);
    }

    void unbindCluster(Cluster nodes) {
        cluster.compareAndSet(nodes, null);
    }

    @Override
    public void insert(Job job) {
        String node = Optional.ofNullable(cluster.get()).map(Cluster::nodeId).orElse(null);
        run(mapper -> {
            mapper.insert(job.id(), job.agentId(), job.userId(), job.prompt(), job.channelId(), job.status(),
                    job.createdAt(), job.expiresAt(), job.metadataJson(), node);
            return null;
        });
    }

    @Override
    public void posted(UUID jobId, UUID messageId) {
        run(mapper -> {
            mapper.posted(jobId, messageId);
            return null;
        });
    }

    @Override
    public boolean finish(Job ended) {
        return run(mapper -> mapper.finish(ended.id(), ended.status(), ended.replyId(), ended.replyText(),
                ended.replyCreatedAt(), ended.processingTimeMs(), ended.error()) > 0);
    }

    @Override
    public Optional<Job> find(UUID jobId) {
        return run(mapper -> Optional.ofNullable(mapper.find(jobId)));
    }

    @Override
    public List<Job> newest(Optional<JobStatus> status, int limit) {
        return run(mapper -> mapper.newest(status.map(JobStatus::wire).orElse(null), limit));
    }

    @Override
    public List<Job> processing() {
        Cluster nodes = cluster.get();
        Set<String> others = new HashSet<>(nodes == null ? Set.of() : nodes.liveNodes());
        if (nodes != null) {
            others.remove(nodes.nodeId());
        }
        return run(mapper -> mapper.processing(others));
    }

    @Override
    public long count() {
        return run(JobMapper::count);
    }

    @Override
    public Map<JobStatus, Long> countByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (Map<String, Object> row : run(JobMapper::countByStatus)) {
            JobStatus.of(String.valueOf(row.get("status")))
                    .ifPresent(s -> counts.put(s, ((Number) row.get("n")).longValue()));
        }
        return counts;
    }

    @Override
    public double averageProcessingTimeMs() {
        return run(JobMapper::averageProcessingTimeMs);
    }

    @Override
    public int purge(long expiredBefore) {
        Cluster nodes = cluster.get();
        if (nodes == null) {
            return run(mapper -> mapper.purge(expiredBefore));
        }
        // one node at a time: the others skip this round rather than queue on the same rows
        int[] purged = {0};
        nodes.runExclusive("jobs.purge", () -> purged[0] = run(mapper -> mapper.purge(expiredBefore)));
        return purged[0];
    }

    @Override
    public int evictOldestEnded(int count) {
        return run(mapper -> mapper.evictOldestEnded(count));
    }

    private <T> T run(Function<JobMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(JobMapper.class));
        }
    }
}
