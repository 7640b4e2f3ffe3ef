package dev.eliza.events.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent started or stopped.
 *
 * @param change what happened
 * @param agentId the agent
 * @param agentName the agent's character name
 * @param at when
 */
public record AgentLifecycleEvent(Change change, UUID agentId, String agentName, Instant at) implements PlatformEvent {

    /** The two lifecycle changes. */
    public enum Change { STARTED, STOPPED }
}
