package dev.eliza.agents.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.eliza.agents.api.AgentLog;

/** {@link AgentLogs} in a list with the SQL store's rules, for route slices. */
final class InMemoryLogs implements AgentLogs {
    private final List<AgentLog> entries = new ArrayList<>();

    @Override
    public synchronized void record(AgentLog entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AgentLog> find(UUID agentId, Query query) {
        return entries.stream().filter(e -> e.agentId().equals(agentId))
                .filter(e -> query.type().map(e.type()::equals).orElse(true))
                .filter(e -> query.roomId().map(r -> e.roomId().equals(Optional.of(r))).orElse(true))
                .filter(e -> !query.excludeTypes().contains(e.type())
                        && !query.excludeTypes().contains(e.type().split(":", 2)[0]))
                .sorted(Comparator.comparingLong(AgentLog::createdAt).reversed())
                .skip(query.offset()).limit(query.limit()).toList();
    }

    @Override
    public synchronized boolean delete(UUID agentId, UUID logId) {
        return entries.removeIf(e -> e.agentId().equals(agentId) && e.id().equals(logId));
    }

    @Override
    public synchronized List<AgentLog> runEntries(UUID agentId, Optional<UUID> runId) {
        return new ArrayList<>(entries.stream().filter(e -> e.agentId().equals(agentId))
                .filter(e -> e.body().hasNonNull("runId"))
                .filter(e -> runId.map(r -> r.toString().equals(e.body().path("runId").asText())).orElse(true))
                .sorted(Comparator.comparingLong(AgentLog::createdAt)).toList());
    }
}
