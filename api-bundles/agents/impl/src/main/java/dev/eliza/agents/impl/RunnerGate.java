package dev.eliza.agents.impl;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.eliza.agents.api.AgentRunner;
import dev.eliza.agents.api.AgentStatus;

/**
 * The agent runtime as the routes see it: present while its bundle runs, absent while it is stopped or being
 * updated. Absence is normal (the agents domain serves without a runtime), so every caller decides what it means.
 */
final class RunnerGate {
    private final AtomicReference<AgentRunner> runner = new AtomicReference<>();

    Optional<AgentRunner> current() {
        return Optional.ofNullable(runner.get());
    }

    /** Without a runtime nothing runs, so every agent is inactive. */
    AgentStatus statusOf(UUID agentId) {
        AgentRunner current = runner.get();
        return current == null ? AgentStatus.INACTIVE : current.status(agentId);
    }

    void bind(AgentRunner bound) {
        runner.set(bound);
    }

    /** Only the runner that goes away is cleared, so a replacement bound first is kept. */
    void unbind(AgentRunner gone) {
        runner.compareAndSet(gone, null);
    }
}
