package dev.eliza.memory.impl;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The filters of a memory listing: the agent's memories of one type, of some rooms if given, created between
 * {@code after} and {@code before} (epoch ms, inclusive), newest first, at most {@code limit}.
 */
record ListQuery(UUID agentId, String type, Optional<List<UUID>> rooms, Optional<Long> before,
                 Optional<Long> after, int limit, boolean withEmbedding) {
}
