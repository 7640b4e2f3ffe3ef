package dev.eliza.memory.impl;

import java.util.UUID;

/** A memory's id and its agent's; public so MyBatis constructs it. */
public record OwnedId(UUID agentId, UUID id) {
}
