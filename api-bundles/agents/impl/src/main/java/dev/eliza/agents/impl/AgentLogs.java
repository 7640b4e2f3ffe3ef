package dev.eliza.agents.impl;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.eliza.agents.api.AgentJournal;
import dev.eliza.agents.api.AgentLog;

/** The journal with its reading side, which only this bundle's routes use. */
interface AgentLogs extends AgentJournal {

    /**
     * What the logs route asks for: an exact {@code type}, a room, types to leave out (a value also leaves out
     * its {@code value:*} family, so {@code useModel} drops every model call), and a page, newest first.
     */
    record Query(Optional<String> type, Optional<UUID> roomId, List<String> excludeTypes, int offset, int limit) {
    }

    /** The agent's entries matching {@code query}, newest first. */
    List<AgentLog> find(UUID agentId, Query query);

    /** Removes one entry; {@code false} if the agent has no such entry. */
    boolean delete(UUID agentId, UUID logId);

    /** The agent's entries that belong to a run ({@code body.runId}), or to the given run, oldest first. */
    List<AgentLog> runEntries(UUID agentId, Optional<UUID> runId);
}
