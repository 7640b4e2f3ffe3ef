package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A channel row with its participants, read in one query for a post (which needs both); public so MyBatis
 * constructs it without a failed reflective access. {@code participantIds} is comma-separated, in join order.
 */
public record ChannelMembersRow(UUID id, UUID serverId, String name, String type, String sourceType,
                                String metadataJson, Instant createdAt, Instant updatedAt, String participantIds) {

    ChannelRow channel() {
        return new ChannelRow(id, serverId, name, type, sourceType, metadataJson, createdAt, updatedAt);
    }

    List<UUID> participants() {
        if (participantIds == null || participantIds.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(participantIds.split(",")).map(UUID::fromString).toList();
    }
}
