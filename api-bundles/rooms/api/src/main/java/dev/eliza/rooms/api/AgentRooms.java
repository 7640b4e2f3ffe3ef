package dev.eliza.rooms.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The agents' rooms, persisted in PostgreSQL.
 *
 * <pre>{@code
 * Room room = rooms.channelRoom(agentId, message.channelId());
 * memories.remember(new NewMemory(..., room.id(), room.worldId(), ...));
 * }</pre>
 */
public interface AgentRooms {

    /**
     * The agent's room for a messaging channel, created on first use together with the agent's world for the
     * channel's message server. Its id is {@link ElizaIds#unique(UUID, UUID) ElizaIds.unique(channelId, agentId)},
     * as ElizaOS derives it, so every node finds the same room. Safe to call concurrently.
     *
     * @throws java.util.NoSuchElementException when there is no such channel or no such agent
     */
    Room channelRoom(UUID agentId, UUID channelId);

    /**
     * The agent's room with this id, or else the agent's room of the channel with this id (1.7.2 accepts a
     * channel id wherever it takes a room id).
     */
    Optional<Room> find(UUID agentId, UUID roomOrChannelId);

    /** The ids of every room, of any agent, in this world (a group), oldest first. */
    List<UUID> roomIdsOfWorld(UUID worldId);
}
