package dev.eliza.agents.impl;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A world of an agent, as stored. */
record World(UUID id, UUID agentId, String name, ObjectNode metadata, Optional<UUID> messageServerId,
             Instant createdAt) {
}
