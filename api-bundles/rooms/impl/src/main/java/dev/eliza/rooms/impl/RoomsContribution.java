package dev.eliza.rooms.impl;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentWorlds;
import dev.eliza.http.api.DomainContribution;

/**
 * Mounts the room routes: {@code /api/rooms}, and the paths of the memory and agents routers that are rooms in
 * 1.7.2 ({@code /api/memory/:agentId/rooms}, {@code /api/memory/groups}, {@code /api/agents/:agentId/rooms}). The
 * memory domain owns the longer paths beneath them ({@code .../rooms/:roomId/memories},
 * {@code /groups/:id/memories}).
 */
@Component(service = DomainContribution.class)
public final class RoomsContribution implements DomainContribution {
    private final Set<Object> resources;

    @Activate
    public RoomsContribution(@Reference RoomDirectory rooms, @Reference AgentDirectory agents,
                             @Reference AgentWorlds worlds) {
        this.resources = resources(rooms, agents, worlds);
    }

    /** The JAX-RS resources of the room routes. */
    static Set<Object> resources(RoomDirectory rooms, AgentDirectory agents, AgentWorlds worlds) {
        RoomAnswers answers = new RoomAnswers(agents, rooms);
        return Set.of(new AgentRoomsResource(answers), new RoomsResource(rooms, answers),
                new GroupsResource(agents, worlds, rooms));
    }

    @Override
    public String domain() {
        return "rooms";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/rooms", "/api/memory/*/rooms", "/api/memory/groups", "/api/agents/*/rooms");
    }

    @Override
    public Set<Object> resources() {
        return resources;
    }
}
