package dev.eliza.memory.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What agents remember, persisted in PostgreSQL and searchable by meaning. Embeddings are made with the agent's
 * own model provider (the offline all-MiniLM-L6-v2 by default).
 *
 * <pre>{@code
 * memories.remember(received);                       // durable on return; embedded in the background
 * List<RecalledMemory> hits = memories.recall(agentId, Optional.of(roomId), message.text(), 5, 0.3);
 * }</pre>
 */
public interface AgentMemories {

    /**
     * Stores a memory. It is durable when this returns; its embedding is computed in the background (and again
     * after a restart if the server stopped first), so remembering never waits for a model. Storing a memory whose
     * id exists already changes nothing and returns the stored one.
     */
    Memory remember(Memory memory);

    /**
     * The agent's memories most similar in meaning to {@code text}, best first: those of {@code roomId} when one
     * is given, else all the agent's; at most {@code limit}, none below {@code threshold}. Memories whose
     * embedding is not made yet are not found.
     *
     * @throws dev.eliza.models.api.ModelProviderException when the query cannot be embedded
     */
    List<RecalledMemory> recall(UUID agentId, Optional<UUID> roomId, String text, int limit, double threshold);

    /**
     * {@link #recall(UUID, Optional, String, int, double)} without the memories of {@code leftOut}: those the
     * caller has in hand already (the message being answered, what its prompt shows). An implementation leaves them
     * out before it reads the hits back, so they cost nothing; this default asks for more and drops them.
     *
     * @since 1.1
     */
    default List<RecalledMemory> recall(UUID agentId, Optional<UUID> roomId, String text, int limit,
                                        double threshold, Set<UUID> leftOut) {
        return recall(agentId, roomId, text, limit + leftOut.size(), threshold).stream()
                .filter(r -> !leftOut.contains(r.memory().id())).limit(limit).toList();
    }

    /**
     * The index searches run on, as {@code /api/server/health} reports it: {@code pgvector} when the database has
     * the {@code vector} extension, else {@code in-memory} (rebuilt from PostgreSQL at start).
     */
    String searchIndex();

    /** Forgets every memory of these rooms (of any agent: room ids are unique); returns how many were forgotten. */
    int forgetRooms(Collection<UUID> roomIds);
}
