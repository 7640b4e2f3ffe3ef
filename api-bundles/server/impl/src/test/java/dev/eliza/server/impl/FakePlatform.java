package dev.eliza.server.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.eliza.platform.logging.LogBuffer;
import dev.eliza.platform.logging.LogEntry;

/** A platform whose facts the test sets. */
final class FakePlatform implements PlatformState, LogBuffer {
    boolean databaseHealthy = true;
    boolean routesReady = true;
    Optional<Long> agents = Optional.of(2L);
    Optional<String> searchIndex = Optional.of("in-memory");
    boolean stopped;
    final List<LogEntry> entries = new ArrayList<>();
    /** Fixed once: taken anew at each call it could be later than the clock read before it, and uptime under 5 s. */
    private final Instant started = Instant.now().minusSeconds(5);

    @Override
    public Optional<String> memorySearchIndex() {
        return searchIndex;
    }

    @Override
    public Optional<Long> agentCount() {
        return agents;
    }

    @Override
    public boolean databaseHealthy() {
        return databaseHealthy;
    }

    @Override
    public boolean routesReady() {
        return routesReady;
    }

    @Override
    public boolean authRequired() {
        return false;
    }

    @Override
    public Instant startedAt() {
        return started;
    }

    @Override
    public String serverVersion() {
        return "0.1.0.test";
    }

    @Override
    public Optional<LogBuffer> logs() {
        return Optional.of(this);
    }

    @Override
    public void stopPlatform() {
        stopped = true;
    }

    @Override
    public List<LogEntry> recent(int limit, int minLevel) {
        List<LogEntry> matching = entries.stream().filter(e -> e.level() >= minLevel).toList();
        return matching.subList(Math.max(0, matching.size() - limit), matching.size());
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public void clear() {
        entries.clear();
    }
}
