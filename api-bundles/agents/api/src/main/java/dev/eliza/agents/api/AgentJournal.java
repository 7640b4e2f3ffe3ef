package dev.eliza.agents.api;

/**
 * Where the agent runtime writes what agents did; a service of the agents domain, which serves the entries at
 * {@code /api/agents/:id/logs} and the runs made of them at {@code /api/agents/:id/runs}.
 */
public interface AgentJournal {

    /** Stores an entry; an entry of an agent that no longer exists is dropped. */
    void record(AgentLog entry);
}
