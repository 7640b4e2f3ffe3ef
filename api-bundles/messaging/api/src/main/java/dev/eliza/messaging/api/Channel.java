package dev.eliza.messaging.api;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A channel of a message server.
 *
 * @param id the channel's id
 * @param serverId its message server
 * @param name its name
 * @param type ElizaOS's channel type ({@code GROUP}, {@code DM}, …)
 * @param metadata metadata as sent by its creator
 */
public record Channel(UUID id, UUID serverId, String name, String type, ObjectNode metadata) {
}
