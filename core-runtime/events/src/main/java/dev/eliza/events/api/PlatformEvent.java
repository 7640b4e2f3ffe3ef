package dev.eliza.events.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to an agent: {@link AgentLifecycleEvent}, {@link AgentMessageEvent} or {@link
 * AgentDeletedEvent}. Listeners ignore the kinds they do not know: more may come in later minor versions.
 */
public interface PlatformEvent {

    /** The agent concerned. */
    UUID agentId();

    /** When it happened. */
    Instant at();
}
