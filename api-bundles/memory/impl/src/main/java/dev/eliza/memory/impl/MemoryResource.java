package dev.eliza.memory.impl;

import java.util.Optional;
import java.util.function.Supplier;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.rooms.api.AgentRooms;
import jakarta.ws.rs.Path;

/** The memory routes where 1.7.2 serves them: {@code /api/memory/:agentId/…}. */
@Path("/api/memory/{agentId}")
public final class MemoryResource extends MemoryRoutes {
    MemoryResource(AgentDirectory agents, Memories memories, Supplier<Optional<AgentRooms>> rooms,
                   MemoryBodies bodies) {
        super(agents, memories, rooms, bodies);
    }
}
