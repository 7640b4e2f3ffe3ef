package dev.eliza.rooms.impl;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A room asked for through the API, checked. */
record NewRoom(String name, String type, String source, Optional<ObjectNode> metadata, Optional<UUID> worldId,
               Optional<UUID> serverId) {
}
