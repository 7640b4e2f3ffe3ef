package dev.eliza.rooms.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.events.api.AgentDeletedEvent;
import dev.eliza.events.api.PlatformEvent;
import dev.eliza.events.api.PlatformEventListener;

/**
 * A deleted agent's rooms go with it, so an agent created again with its id finds none of them: when the deletion is
 * announced, and at activation for agents deleted while this domain was away (on a thread of its own: the
 * framework's thread starting the bundle does not wait for the database).
 */
@Component(service = PlatformEventListener.class)
public final class DeletedAgentRooms implements PlatformEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(DeletedAgentRooms.class);

    private final RoomDirectory rooms;
    private final AgentDirectory agents;

    @Activate
    public DeletedAgentRooms(@Reference RoomDirectory rooms, @Reference AgentDirectory agents) {
        this.rooms = rooms;
        this.agents = agents;
        Thread sweeper = new Thread(this::sweep, "rooms-sweep");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    @Override
    public void on(PlatformEvent event) {
        if (event instanceof AgentDeletedEvent deleted) {
            rooms.deleteAgent(deleted.agentId());
        }
    }

    private void sweep() {
        try {
            rooms.deleteAgentsGone(id -> agents.find(id).isPresent());
        } catch (RuntimeException e) {
            LOG.warn("Could not look for rooms of deleted agents; they stay hidden until the next start", e);
        }
    }
}
