package dev.eliza.memory.impl;

import java.util.Optional;
import java.util.function.Supplier;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.rooms.api.AgentRooms;
import jakarta.ws.rs.Path;

/** The same memory routes under {@code /api/agents/:agentId/…}, where 1.7.2 mounts its memory router too. */
@Path("/api/agents/{agentId}")
public final class AgentMemoryResource extends MemoryRoutes {
    AgentMemoryResource(AgentDirectory agents, Memories memories, Supplier<Optional<AgentRooms>> rooms,
                        MemoryBodies bodies) {
        super(agents, memories, rooms, bodies);
    }
}
