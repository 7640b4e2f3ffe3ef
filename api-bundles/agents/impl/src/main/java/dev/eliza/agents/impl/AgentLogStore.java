package dev.eliza.agents.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.agents.api.AgentJournal;
import dev.eliza.agents.api.AgentLog;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;
import dev.eliza.persistence.api.SqlStates;

/**
 * The {@link AgentJournal} over the {@code agent_logs} table, written in batches off the caller's thread
 * ({@link JournalBatcher}); reads on this node see every entry recorded before them. Retention is bounded per
 * agent: each agent keeps its
 * newest {@code AGENT_LOGS_KEEP} entries (a platform setting, {@link #KEEP_PER_AGENT} by default). Trimming runs on
 * every {@code keep / 8}th write of an agent on this node (at most every {@link #PRUNE_EVERY}th), so a busy agent's
 * log stays bounded (below {@code keep + keep / 8} entries) without a delete per write, and the runs route (which
 * reads an agent's run entries whole) stays cheap.
 */
@Component(service = {AgentJournal.class, AgentLogs.class})
public final class AgentLogStore implements AgentLogs {
    static final int KEEP_PER_AGENT = 10_000;
    static final int PRUNE_EVERY = 256;
    private static final Logger LOG = LoggerFactory.getLogger(AgentLogStore.class);
    private static final Duration READ_WAIT = Duration.ofSeconds(2);
    private static final int QUEUE_CAPACITY = 20_000;
    private static final int WRITE_ATTEMPTS = 3;

    private final SqlSessionFactory sessions;
    private final int keep;
    private final int pruneEvery;

    private final Map<UUID, AtomicInteger> writes = new ConcurrentHashMap<>();
    private final JournalBatcher batcher;

    /** Migrating here too is safe: the database applies each migration once, whichever store activates first. */
    @Activate
    public AgentLogStore(@Reference Database database, BundleContext context) {
        this(database, context.getBundle().adapt(BundleWiring.class).getClassLoader(),
                Migration.scan(context.getBundle(), "db/agents"), keep(context.getProperty("AGENT_LOGS_KEEP")));
    }

    AgentLogStore(Database database, ClassLoader loader, List<Migration> migrations, int keep) {
        database.migrate("agents", migrations);
        this.sessions = database.sessionFactory(loader, LogMapper.class);
        this.keep = keep;
        this.pruneEvery = Math.max(1, Math.min(PRUNE_EVERY, keep / 8));
        this.batcher = new JournalBatcher(this::write, QUEUE_CAPACITY, task -> {
            Thread thread = new Thread(task, "agent-journal");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void record(AgentLog entry) {
        batcher.add(entry);
    }

    /** Writes what was recorded, then stops writing (the agents domain is stopping). */
    @Deactivate
    void close() throws InterruptedException {
        batcher.close();
    }

    /** One transaction per batch: the entries, then the trims their agents are due. */
    void write(List<AgentLog> entries) {
        List<LogRow> rows = entries.stream().map(e -> new LogRow(e.id(), e.agentId(), e.entityId(),
                e.roomId().orElse(null), e.type(), Json.write(e.body()), Instant.ofEpochMilli(e.createdAt())))
                .toList();
        Set<UUID> due = new LinkedHashSet<>();
        for (AgentLog entry : entries) {
            if (writes.computeIfAbsent(entry.agentId(), id -> new AtomicInteger()).incrementAndGet()
                    % pruneEvery == 0) {
                due.add(entry.agentId());
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                insert(rows, due);
                return;
            } catch (RuntimeException e) {
                // an agent of the batch was deleted between the insert's EXISTS and its foreign-key check: again,
                // the EXISTS now leaves that agent's entries out and keeps the others'
                if (attempt == WRITE_ATTEMPTS || !SqlStates.is(e, SqlStates.FOREIGN_KEY_VIOLATION)) {
                    throw e;
                }
            }
        }
    }

    private void insert(List<LogRow> rows, Set<UUID> due) {
        // the insert alone is one statement, atomic on its own: no BEGIN and COMMIT around it then
        try (SqlSession session = sessions.openSession(due.isEmpty())) {
            LogMapper mapper = session.getMapper(LogMapper.class);
            mapper.insertAll(rows);
            due.forEach(agentId -> mapper.prune(agentId, keep));
            session.commit();
        }
    }

    @Override
    public List<AgentLog> find(UUID agentId, Query query) {
        batcher.flush(READ_WAIT);
        return run(mapper -> mapper.find(agentId, query.type().orElse(null), query.roomId().orElse(null),
                query.excludeTypes(), query.offset(), query.limit()).stream().map(AgentLogStore::toLog).toList());
    }

    @Override
    public boolean delete(UUID agentId, UUID logId) {
        batcher.flush(READ_WAIT);
        return run(mapper -> mapper.delete(agentId, logId) > 0);
    }

    @Override
    public List<AgentLog> runEntries(UUID agentId, Optional<UUID> runId) {
        batcher.flush(READ_WAIT);
        return run(mapper -> mapper.findRunEntries(agentId, runId.map(UUID::toString).orElse(null)).stream()
                .map(AgentLogStore::toLog).toList());
    }

    /** A bad setting must not take the agents domain down: the default applies and the operator is told. */
    static int keep(String setting) {
        if (setting == null || setting.isBlank()) {
            return KEEP_PER_AGENT;
        }
        try {
            int keep = Integer.parseInt(setting.trim());
            if (keep > 0) {
                return keep;
            }
        } catch (NumberFormatException e) {
            // falls through to the warning below: the setting is not a number
        }
        LOG.warn("AGENT_LOGS_KEEP={} is not a positive integer; keeping {} log entries per agent", setting,
                KEEP_PER_AGENT);
        return KEEP_PER_AGENT;
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
