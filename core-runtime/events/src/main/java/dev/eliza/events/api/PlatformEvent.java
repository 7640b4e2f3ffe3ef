package dev.eliza.events.api;

import java.time.Instant;
import java.util.UUID;

/** Something that happened to an agent: {@link AgentLifecycleEvent} or {@link AgentMessageEvent}. */
public interface PlatformEvent {

    /** The agent concerned. */
    UUID agentId();

    /** When it happened. */
    Instant at();
}
