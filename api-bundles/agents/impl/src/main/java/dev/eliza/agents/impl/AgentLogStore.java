package dev.eliza.agents.impl;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.eliza.agents.api.AgentJournal;
import dev.eliza.agents.api.AgentLog;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;

/**
 * The {@link AgentJournal} over the {@code agent_logs} table. Retention is bounded per agent: every
 * {@link #PRUNE_EVERY}th entry of an agent written by this node trims that agent to its newest
 * {@link #KEEP_PER_AGENT} entries, so a busy agent's log stays bounded without a delete per write, and the runs
 * route (which reads an agent's run entries whole) stays cheap.
 */
@Component(service = {AgentJournal.class, AgentLogs.class})
public final class AgentLogStore implements AgentLogs {
    static final int KEEP_PER_AGENT = 10_000;
    static final int PRUNE_EVERY = 256;

    private final SqlSessionFactory sessions;
    private final int keep;
    private final int pruneEvery;
    private final Map<UUID, AtomicInteger> writes = new ConcurrentHashMap<>();

    /** Migrating here too is safe: the database applies each migration once, whichever store activates first. */
    @Activate
    public AgentLogStore(@Reference Database database, BundleContext context) {
        this(database, context.getBundle().adapt(BundleWiring.class).getClassLoader(),
                Migration.scan(context.getBundle(), "db/agents"), KEEP_PER_AGENT, PRUNE_EVERY);
    }

    AgentLogStore(Database database, ClassLoader loader, List<Migration> migrations, int keep, int pruneEvery) {
        database.migrate("agents", migrations);
        this.sessions = database.sessionFactory(loader, LogMapper.class);
        this.keep = keep;
        this.pruneEvery = pruneEvery;
    }

    @Override
    public void record(AgentLog entry) {
        run(mapper -> mapper.insert(entry.id(), entry.agentId(), entry.entityId(), entry.roomId().orElse(null),
                entry.type(), Json.write(entry.body()), Instant.ofEpochMilli(entry.createdAt())));
        if (writes.computeIfAbsent(entry.agentId(), id -> new AtomicInteger()).incrementAndGet() % pruneEvery == 0) {
            run(mapper -> mapper.prune(entry.agentId(), keep));
        }
    }

    @Override
    public List<AgentLog> find(UUID agentId, Query query) {
        return run(mapper -> mapper.find(agentId, query.type().orElse(null), query.roomId().orElse(null),
                query.excludeTypes(), query.offset(), query.limit()).stream().map(AgentLogStore::toLog).toList());
    }

    @Override
    public boolean delete(UUID agentId, UUID logId) {
        return run(mapper -> mapper.delete(agentId, logId) > 0);
    }

    @Override
    public List<AgentLog> runEntries(UUID agentId, Optional<UUID> runId) {
        return run(mapper -> mapper.findRunEntries(agentId, runId.map(UUID::toString).orElse(null)).stream()
                .map(AgentLogStore::toLog).toList());
    }

    private <T> T run(Function<LogMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(LogMapper.class));
        }
    }

    private static AgentLog toLog(LogRow row) {
        return new AgentLog(row.id(), row.agentId(), row.entityId(), Optional.ofNullable(row.roomId()), row.type(),
                Json.object(row.bodyJson()), row.createdAt().toEpochMilli());
    }
}
