package dev.eliza.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentRunner;
import dev.eliza.agents.api.AgentState;
import dev.eliza.agents.api.AgentStatus;
import dev.eliza.events.api.AgentLifecycleEvent;
import dev.eliza.events.api.PlatformEvents;
import dev.eliza.models.api.ProviderSettings;

/**
 * The per-agent state machine {@code INACTIVE → STARTING → ACTIVE → STOPPING → INACTIVE}, or {@code FAILED} with a
 * reason, and the count of replies each agent has in flight so a stop can wait for them. Starting reads only the
 * character and its secrets; nothing else blocks. As in ElizaOS, a running agent answers with the character (and
 * settings) it was started with: a changed character takes effect at its next start.
 */
final class AgentLifecycle implements AgentRunner {
    private final AgentDirectory directory;
    private final ProviderRegistry providers;
    private final ProviderSettingsResolver settings;
    private final PlatformEvents events;
    private final Clock clock;
    private final Duration stopWait;
    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();

    AgentLifecycle(AgentDirectory directory, ProviderRegistry providers, ProviderSettingsResolver settings,
                   PlatformEvents events, Clock clock, Duration stopWait) {
        this.directory = directory;
        this.providers = providers;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.stopWait = stopWait;
    }

    @Override
    public AgentStatus start(UUID agentId) {
        Run run = runs.computeIfAbsent(agentId, id -> new Run());
        synchronized (run) {
            if (run.status.state() == AgentState.ACTIVE) {
                return run.status;
            }
            run.status = AgentStatus.of(AgentState.STARTING);
            Optional<Agent> agent = directory.find(agentId);
            run.waitsForProvider = false;
            if (agent.isEmpty()) {
                run.status = failed("unknown agent " + agentId);
                return run.status;
            }
            if (!agent.get().enabled()) {
                run.status = failed("agent is disabled");
                return run.status;
            }
            ProviderRegistry.Selection selection = providers.select(plugins(agent.get().character().path("plugins")));
            if (selection.provider().isEmpty()) {
                run.waitsForProvider = true;
                run.status = failed(selection.missingReason());
                return run.status;
            }
            run.agent = agent.get();
            run.settings = settings.resolve(agent.get().character(), directory.secrets(agentId));
            run.status = AgentStatus.of(AgentState.ACTIVE);
        }
        events.publish(new AgentLifecycleEvent(AgentLifecycleEvent.Change.STARTED, agentId, run.agent.name(),
                clock.instant()));
        return run.status;
    }

    @Override
    public AgentStatus stop(UUID agentId) {
        Run run = runs.get(agentId);
        if (run == null) {
            return AgentStatus.INACTIVE;
        }
        boolean wasActive;
        synchronized (run) {
            wasActive = run.status.state() == AgentState.ACTIVE;
            run.status = AgentStatus.of(AgentState.STOPPING);
            run.awaitIdle(stopWait);
            runs.remove(agentId, run);
            run.status = AgentStatus.INACTIVE;
        }
        if (wasActive) {
            events.publish(new AgentLifecycleEvent(AgentLifecycleEvent.Change.STOPPED, agentId, run.agent.name(),
                    clock.instant()));
        }
        return AgentStatus.INACTIVE;
    }

    @Override
    public AgentStatus status(UUID agentId) {
        Run run = runs.get(agentId);
        return run == null ? AgentStatus.INACTIVE : run.status;
    }

    /**
     * Counts a reply in flight for the agent and returns it; empty (nothing counted) when the agent is not
     * active. The end belongs to this run of the agent, so a reply outliving a stop never touches a later run.
     */
    Optional<Flight> enter(UUID agentId) {
        Run run = runs.get(agentId);
        return run != null && run.enter() ? Optional.of(new Flight(run.agent, run.settings, run::leave))
                : Optional.empty();
    }

    /** The agent and its provider settings as it runs now; empty when it is not active. */
    Optional<Running> running(UUID agentId) {
        Run run = runs.get(agentId);
        return run != null && run.status.state() == AgentState.ACTIVE ? Optional.of(new Running(run.agent,
                run.settings)) : Optional.empty();
    }

    /**
     * An active agent.
     *
     * @param agent the agent with the character it was started with
     * @param settings its provider settings
     */
    record Running(Agent agent, ProviderSettings settings) {
    }

    /**
     * A reply in flight: the agent as it was started, its provider settings, and what ends the reply.
     *
     * @param agent the agent with the character it was started with
     * @param settings its provider settings
     * @param end ends the reply (call once)
     */
    record Flight(Agent agent, ProviderSettings settings, Runnable end) {
    }

    /** The agents this node runs now. */
    Set<UUID> activeIds() {
        Set<UUID> active = new HashSet<>();
        runs.forEach((id, run) -> {
            if (run.status.state() == AgentState.ACTIVE) {
                active.add(id);
            }
        });
        return active;
    }

    /** Starts again the agents that failed only because their provider was absent (a provider just arrived). */
    void retryWaiting() {
        runs.forEach((id, run) -> {
            if (run.waitsForProvider) {
                start(id);
            }
        });
    }

    /** Waits (up to the stop bound, shared by all) until no agent has a reply in flight. */
    void awaitIdle() {
        long deadline = System.nanoTime() + stopWait.toNanos();
        for (Run run : runs.values()) {
            run.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    static List<String> plugins(JsonNode plugins) {
        return plugins.isArray() ? java.util.stream.StreamSupport.stream(plugins.spliterator(), false)
                .filter(JsonNode::isTextual).map(JsonNode::asText).toList() : List.of();
    }

    private static AgentStatus failed(String reason) {
        return new AgentStatus(AgentState.FAILED, Optional.of(reason));
    }

    /** One agent's status and in-flight count; its monitor guards the transitions. */
    private static final class Run {
        volatile AgentStatus status = AgentStatus.INACTIVE;
        volatile boolean waitsForProvider;
        volatile Agent agent;
        volatile ProviderSettings settings;
        private final Object flight = new Object();
        private int inFlight;

        boolean enter() {
            synchronized (flight) {
                if (status.state() != AgentState.ACTIVE) {
                    return false;
                }
                inFlight++;
                return true;
            }
        }

        void leave() {
            synchronized (flight) {
                inFlight--;
                flight.notifyAll();
            }
        }

        void awaitIdle(Duration bound) {
            long deadline = System.nanoTime() + bound.toNanos();
            synchronized (flight) {
                long left;
                while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
                    try {
                        flight.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
