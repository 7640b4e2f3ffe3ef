package dev.eliza.rooms.api;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One agent's room.
 *
 * @param id the room's id
 * @param agentId the agent whose room it is
 * @param name its name
 * @param channelId the messaging channel it stands for, if any
 * @param messageServerId the message server of that channel (ElizaOS's {@code serverId}), if any
 * @param worldId the world (group) it belongs to, if any
 * @param type ElizaOS's channel type ({@code GROUP}, {@code DM}, {@code SELF}, {@code API}, …)
 * @param source where it came from ({@code client}, {@code eliza_gui}, …)
 * @param metadata metadata as sent by its creator, if any
 * @param createdAt when it was created, epoch milliseconds
 */
public record Room(UUID id, UUID agentId, String name, Optional<UUID> channelId, Optional<UUID> messageServerId,
                   Optional<UUID> worldId, String type, String source, Optional<ObjectNode> metadata,
                   long createdAt) {
}
