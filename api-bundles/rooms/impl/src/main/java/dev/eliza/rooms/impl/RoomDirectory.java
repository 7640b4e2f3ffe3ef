package dev.eliza.rooms.impl;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentWorld;
import dev.eliza.agents.api.AgentWorlds;
import dev.eliza.memory.api.AgentMemories;
import dev.eliza.messaging.api.Channel;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;
import dev.eliza.rooms.api.AgentRooms;
import dev.eliza.rooms.api.ElizaIds;
import dev.eliza.rooms.api.Room;

/**
 * The agents' rooms: {@link AgentRooms} for the runtime and the memory domain, and the reads and writes the routes
 * make. Every agent has its own room ({@code SELF}, id = the agent's id, in its own world), made when first asked
 * for, as 1.7.2 lists it. Rooms with derived ids (of a channel, a group, the agent itself) get their world first,
 * outside the room's transaction: concurrent callers wait on the room's row, and a transaction that waited for a
 * second connection while others held theirs could starve the pool.
 */
@Component(service = {AgentRooms.class, RoomDirectory.class})
public final class RoomDirectory implements AgentRooms {
    /** The room types of ElizaOS ({@code ChannelType}). */
    static final List<String> TYPES = List.of("SELF", "DM", "GROUP", "VOICE_DM", "VOICE_GROUP", "FEED", "THREAD",
            "WORLD", "FORUM", "API");

    private final RoomStore store;
    private final AgentDirectory agents;
    private final AgentWorlds worlds;
    private final MessageService messages;
    private final Clock clock;
    private final Forgetting forgetting = new Forgetting();

    @Activate
    public RoomDirectory(@Reference Database database, @Reference AgentDirectory agents,
                         @Reference AgentWorlds worlds, @Reference MessageService messages, BundleContext context) {
        this(open(database, context.getBundle().adapt(BundleWiring.class).getClassLoader(),
                Migration.scan(context.getBundle(), "db/rooms")), agents, worlds, messages, Clock.systemUTC());
    }

    RoomDirectory(RoomStore store, AgentDirectory agents, AgentWorlds worlds, MessageService messages, Clock clock) {
        this.store = store;
        this.agents = agents;
        this.worlds = worlds;
        this.messages = messages;
        this.clock = clock;
    }

    /** The store over the migrated {@code rooms} table. */
    static RoomStore open(Database database, ClassLoader loader, List<Migration> migrations) {
        database.migrate("rooms", migrations);
        return new RoomStore(database.sessionFactory(loader, RoomMapper.class));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMemories(AgentMemories memories) {
        forgetting.bind(memories);
    }

    void unbindMemories(AgentMemories memories) {
        forgetting.unbind(memories);
    }

    @Override
    public Room channelRoom(UUID agentId, UUID channelId) {
        Optional<Room> existing = store.byChannel(agentId, channelId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Channel channel = messages.channel(channelId)
                .orElseThrow(() -> new NoSuchElementException("Channel not found: " + channelId));
        UUID serverId = channel.serverId();
        UUID worldId = ElizaIds.unique(serverId, agentId);
        // 1.7.2 names an agent's room of a channel after the channel's id, not its name (memory_rooms_list.txt).
        Room room = new Room(ElizaIds.unique(channelId, agentId), agentId, "Channel " + shortId(channelId),
                Optional.of(channelId), Optional.of(serverId), Optional.of(worldId),
                "DM".equals(channel.type()) ? "DM" : "GROUP", source(channel), Optional.empty(), clock.millis());
        worlds.ensure(worldId, agentId, "Server " + shortId(serverId), Json.object(), Optional.of(serverId));
        return store.insert(room);
    }

    @Override
    public Optional<Room> find(UUID agentId, UUID roomOrChannelId) {
        if (roomOrChannelId.equals(agentId)) {
            ensureSelf(agentId);
        }
        return store.find(agentId, roomOrChannelId);
    }

    @Override
    public List<UUID> roomIdsOfWorld(UUID worldId) {
        return store.idsOfWorld(worldId);
    }

    /** The agent's rooms, its own first. */
    List<Room> rooms(UUID agentId) {
        ensureSelf(agentId);
        return store.byAgent(agentId);
    }

    /** Every room filed under a world, oldest first. */
    List<Room> roomsInWorlds() {
        return store.inWorlds();
    }

    /**
     * Stores a room made through the API in {@code worldId}, or in a new world named after it when none is given.
     * The world is written while the room's transaction is open, so a world that cannot be written leaves no room;
     * a new world is removed again if the room's commit fails.
     *
     * @throws NoSuchElementException when the agent does not exist (any more)
     */
    Room create(UUID agentId, NewRoom spec) {
        UUID roomId = UUID.randomUUID();
        UUID worldId = spec.worldId().orElseGet(UUID::randomUUID);
        Room room = new Room(roomId, agentId, spec.name(), Optional.of(roomId), spec.serverId(), Optional.of(worldId),
                spec.type(), spec.source(), spec.metadata(), clock.millis());
        try {
            return store.insert(room, () -> worlds.ensure(worldId, agentId, "World for " + spec.name(),
                    spec.metadata().orElseGet(Json::object), spec.serverId()));
        } catch (RuntimeException e) {
            if (spec.worldId().isEmpty()) {
                try {
                    worlds.delete(worldId);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /**
     * The agent's room of a group of a message server ({@code POST /api/memory/groups/:serverId}), with the id
     * 1.7.2 derives, in {@code worldId}; made with the world when absent, as it is otherwise. The world is ensured
     * first: both ids are derived, so a retry after a failure finds the world and completes the room.
     *
     * @throws NoSuchElementException when the agent does not exist (any more)
     */
    Room groupRoom(UUID serverId, UUID agentId, String name, UUID worldId, Optional<ObjectNode> metadata) {
        UUID roomId = ElizaIds.unique(serverId, agentId);
        Room room = new Room(roomId, agentId, name, Optional.of(roomId), Optional.of(serverId), Optional.of(worldId),
                "API", "client", metadata, clock.millis());
        worlds.ensure(worldId, agentId, name, metadata.orElseGet(Json::object), Optional.of(serverId));
        return store.insert(room);
    }

    /** Renames the room and merges {@code metadata} into its own key by key; empty if the agent has no such room. */
    Optional<Room> update(UUID agentId, UUID roomOrChannelId, Optional<String> name, Optional<ObjectNode> metadata) {
        return store.find(agentId, roomOrChannelId)
                .flatMap(room -> store.update(agentId, room.id(), name, metadata));
    }

    /** Deletes the agent's room and forgets its memories, all or nothing; false if there was no such room. */
    boolean delete(UUID agentId, UUID roomOrChannelId) {
        return store.find(agentId, roomOrChannelId)
                .map(room -> store.delete(agentId, room.id(), forgetting::forget)).orElse(false);
    }

    /** Deletes a group: its rooms with their memories (all or nothing), then the world itself. */
    void deleteWorld(UUID worldId) {
        store.deleteWorld(worldId, forgetting::forget);
        worlds.delete(worldId);
    }

    /**
     * Deletes the rooms of an agent that no longer exists (their memories go with the agent in the memory domain).
     * Returns how many rooms went.
     */
    int deleteAgent(UUID agentId) {
        return store.deleteAgent(agentId);
    }

    /** Deletes the rooms of every agent {@code exists} denies: those deleted while this domain did not hear of it. */
    int deleteAgentsGone(Predicate<UUID> exists) {
        return store.agentIds().stream().filter(exists.negate()).mapToInt(this::deleteAgent).sum();
    }

    /** The name of the room's world, if the world exists. */
    Optional<String> worldName(Room room) {
        return room.worldId().flatMap(worlds::find).map(AgentWorld::name);
    }

    private void ensureSelf(UUID agentId) {
        if (store.find(agentId, agentId).isPresent()) {
            return;
        }
        agents.find(agentId).map(Agent::name).ifPresent(name -> {
            Room self = new Room(agentId, agentId, name, Optional.of(agentId), Optional.of(agentId),
                    Optional.of(agentId), "SELF", "elizaos", Optional.empty(), clock.millis());
            try {
                worlds.ensure(agentId, agentId, name, Json.object(), Optional.of(agentId));
            } catch (NoSuchElementException deletedMeanwhile) {
                // the agent went between the two reads: it has no self room to make, as if asked just after
                return;
            }
            store.insert(self);
        });
    }

    /** Where the channel's messages come from, when its creator said so (1.7.2 takes the first message's). */
    private static String source(Channel channel) {
        JsonNode source = channel.metadata() == null ? null : channel.metadata().get("source");
        boolean usable = source != null && source.isTextual() && !source.asText().isBlank()
                && source.asText().length() <= RoomBodies.MAX_TEXT;
        return usable ? source.asText() : "client";
    }

    private static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }
}
