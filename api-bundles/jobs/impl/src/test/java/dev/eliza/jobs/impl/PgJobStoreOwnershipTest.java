package dev.eliza.jobs.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.eliza.persistence.api.Cluster;
import dev.eliza.persistence.impl.SharedTestDatabase;

/**
 * Two nodes' {@link PgJobStore} on one real PostgreSQL: each follows its own jobs, and a dead node's; ended jobs
 * are purged by one node at a time. Membership and the exclusive lock are as the test sets them (the real ones are
 * tested in the persistence bundle).
 */
class PgJobStoreOwnershipTest {
    private final Set<String> live = new HashSet<>(Set.of("node-a", "node-b"));
    /** Exclusive work another node runs at this moment. */
    private final Set<String> held = new HashSet<>();
    private PgJobStore nodeA;
    private PgJobStore nodeB;
    private PgJobStore alone;
    /** Creation times in acceptance order: the store hands jobs out oldest first. */
    private long clock = 1_000;

    @BeforeEach
    void freshTable() throws Exception {
        SharedTestDatabase database = SharedTestDatabase.get();
        database.migrate("jobs", SharedTestDatabase.migrations(PgJobStoreOwnershipTest.class.getClassLoader(),
                "db/jobs", "create jobs", "jobs node"));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE jobs");
        }
        nodeA = store(database, "node-a");
        nodeB = store(database, "node-b");
        alone = new PgJobStore(database.sessionFactory(getClass().getClassLoader(), JobMapper.class));
    }

    @Test
    void aNodeFollowsItsOwnJobsAndThoseOfNoNodeButNotThoseOfAnotherLiveNode() {
        UUID ofA = accept(nodeA);
        UUID ofB = accept(nodeB);
        UUID ofNone = accept(alone);

        assertThat(ids(nodeB.processing())).containsExactly(ofB, ofNone);
        assertThat(ids(nodeA.processing())).containsExactly(ofA, ofNone);
        assertThat(ids(alone.processing())).as("no cluster: one node, it follows all").containsExactly(ofA, ofB,
                ofNone);
    }

    @Test
    void theJobsOfANodeThatIsNoLongerLiveAreFollowedByTheOthers() {
        UUID ofA = accept(nodeA);
        UUID ofB = accept(nodeB);

        live.remove("node-a");

        assertThat(ids(nodeB.processing())).containsExactly(ofA, ofB);
    }

    @Test
    void endedJobsArePurgedUnderTheClusterLockAndNotAtAllWhileAnotherNodeHoldsIt() {
        UUID ended = accept(nodeA);
        nodeA.finish(nodeA.find(ended).orElseThrow().ended(JobStatus.TIMEOUT, "late"));
        held.add("jobs.purge");
        assertThat(nodeA.purge(Long.MAX_VALUE)).isZero();
        assertThat(nodeA.find(ended)).isPresent();

        held.clear();
        assertThat(nodeA.purge(Long.MAX_VALUE)).isEqualTo(1);
        assertThat(nodeA.find(ended)).isEmpty();
    }

    private UUID accept(PgJobStore store) {
        UUID id = UUID.randomUUID();
        long created = ++clock;
        store.insert(Job.accepted(id, UUID.randomUUID(), UUID.randomUUID(), "p", UUID.randomUUID(), created,
                created + 60_000, "{}"));
        return id;
    }

    private static List<UUID> ids(List<Job> jobs) {
        return jobs.stream().map(Job::id).toList();
    }

    private PgJobStore store(SharedTestDatabase database, String node) {
        PgJobStore store = new PgJobStore(database.sessionFactory(getClass().getClassLoader(), JobMapper.class));
        store.bindCluster(new Nodes(node));
        return store;
    }

    /** Membership as the test sets it; nothing is sent between these nodes. */
    private final class Nodes implements Cluster {
        private final String self;

        Nodes(String self) {
            this.self = self;
        }

        @Override
        public String nodeId() {
            return self;
        }

        @Override
        public Set<String> liveNodes() {
            return Set.copyOf(live);
        }

        @Override
        public void publish(String topic, String payload) {
        }

        @Override
        public AutoCloseable subscribe(String topic, ClusterListener listener) {
            return () -> { };
        }

        @Override
        public boolean runExclusive(String name, Runnable work) {
            if (held.contains(name)) {
                return false;
            }
            work.run();
            return true;
        }
    }
}
