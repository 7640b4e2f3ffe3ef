package dev.eliza.agents.api;

import java.util.Locale;

/** The run state of an agent: {@code INACTIVE → STARTING → ACTIVE → STOPPING → INACTIVE}, or {@code FAILED}. */
public enum AgentState {
    /** Not running. */
    INACTIVE,
    /** Being started. */
    STARTING,
    /** Running: it answers messages addressed to it. */
    ACTIVE,
    /** Being stopped. */
    STOPPING,
    /** Could not be started or stopped, with a reason. */
    FAILED;

    /** The state as the wire shows it in an agent's {@code status}: {@code active}, {@code inactive}, … */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
