package dev.eliza.agents.api;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of an agent's log, in ElizaOS's shape: every handled message is a run ({@code type} {@code run_event},
 * {@code body.runId}, {@code body.status} {@code started}/{@code completed}/{@code error}, times) and every model
 * call an entry of type {@code useModel:<MODEL_TYPE>} ({@code body.runId}, {@code modelType}, {@code provider},
 * {@code model}, prompt and response sizes, {@code executionTime}, tokens).
 *
 * @param id the entry's id
 * @param agentId the agent
 * @param entityId who the entry is about (the message's author for runs, the agent for model calls)
 * @param roomId the room (channel) it happened in, if any
 * @param type the entry's type
 * @param body the entry's details
 * @param createdAt when, epoch milliseconds
 */
public record AgentLog(UUID id, UUID agentId, UUID entityId, Optional<UUID> roomId, String type, ObjectNode body,
                       long createdAt) {
}
