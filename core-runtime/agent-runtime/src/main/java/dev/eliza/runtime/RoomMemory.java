package dev.eliza.runtime;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.memory.api.AgentMemories;
import dev.eliza.memory.api.Memory;
import dev.eliza.memory.api.RecalledMemory;
import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.rooms.api.AgentRooms;
import dev.eliza.rooms.api.ElizaIds;
import dev.eliza.rooms.api.Room;

/**
 * What an agent hears and says, filed as memories of its room for the channel (in ElizaOS's shapes and ids), and
 * what it recalls of that room for a new message. Memory is an aid, never a condition: while the memory or rooms
 * domain is away (a swap) or fails, replies go on without it, and the failure is logged.
 */
final class RoomMemory {
    private static final Logger LOG = LoggerFactory.getLogger(RoomMemory.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /**
     * Rooms of (agent, channel) pairs, kept a while: a room's id never changes, but a deleted room is made again
     * on the next message after this long, as ElizaOS makes it again.
     */
    private static final int ROOM_CACHE_SIZE = 10_000;
    private static final long ROOM_CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    private static final int RECALL_SLACK = 3;

    private record Cached(Room room, long at) {
    }

    private final Map<List<UUID>, Cached> roomCache = new ConcurrentHashMap<>();
    private final int recallLimit;
    private final double recallThreshold;
    private volatile Optional<AgentMemories> memories = Optional.empty();
    private volatile Optional<AgentRooms> rooms = Optional.empty();

    RoomMemory(int recallLimit, double recallThreshold) {
        this.recallLimit = recallLimit;
        this.recallThreshold = recallThreshold;
    }

    void bind(Optional<AgentMemories> memories, Optional<AgentRooms> rooms) {
        this.memories = memories;
        this.rooms = rooms;
    }

    /** The agent's room for the channel, when rooms and memory are here. */
    Optional<Room> room(UUID agentId, UUID channelId) {
        Optional<AgentRooms> service = rooms;
        if (service.isEmpty() || memories.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> key = List.of(agentId, channelId);
        Cached cached = roomCache.get(key);
        long now = System.nanoTime();
        if (cached != null && now - cached.at() < ROOM_CACHE_NANOS) {
            return Optional.of(cached.room());
        }
        return attempt("find the room of channel " + channelId, () -> {
            Room room = service.get().channelRoom(agentId, channelId);
            if (roomCache.size() >= ROOM_CACHE_SIZE) {
                roomCache.clear();
            }
            roomCache.put(key, new Cached(room, now));
            return room;
        });
    }

    /** Files a message the agent received; returns the memory's id (ElizaOS's id for it). */
    UUID heard(Room room, ChannelMessage message) {
        UUID id = ElizaIds.unique(message.id(), room.agentId());
        ObjectNode content = JSON.objectNode().put("text", message.text()).put("source", message.source());
        ObjectNode metadata = JSON.objectNode().put("type", "message").put("source", message.source())
                .put("sourceId", message.id().toString());
        metadata.putObject("raw").put("senderId", message.authorId().toString())
                .put("senderName", message.authorName());
        remember(new Memory(id, room.agentId(), message.authorId(), room.id(), room.worldId(), Memory.MESSAGES,
                content, metadata, true, message.createdAt()));
        return id;
    }

    /** Files the agent's reply to the memory {@code heardId}. */
    void said(Room room, ChannelMessage stored, AgentReply reply, UUID heardId) {
        ObjectNode content = JSON.objectNode().put("text", stored.text()).put("simple", true);
        reply.actions().forEach(content.putArray("actions")::add);
        content.put("thought", reply.thought()).put("inReplyTo", heardId.toString());
        content.putArray("providers");
        content.put("responseId", stored.id().toString());
        remember(new Memory(stored.id(), room.agentId(), room.agentId(), room.id(), room.worldId(), Memory.MESSAGES,
                content, JSON.objectNode(), true, stored.createdAt()));
    }

    /**
     * The texts of the room's memories that bear on {@code text}, best first, leaving out {@code heardId} and what
     * the prompt already shows ({@code shown}): their memories by id (the agent's memory of a message has the id
     * {@link #heard} gives it, or the message's own for the agent's replies), so they are not even read, and any
     * other memory of the same text.
     */
    List<String> recall(Room room, String text, UUID heardId, Collection<ChannelMessage> shown) {
        Optional<AgentMemories> service = memories;
        if (service.isEmpty() || recallLimit == 0 || text.isBlank()) {
            return List.of();
        }
        Set<UUID> leftOut = new HashSet<>();
        leftOut.add(heardId);
        Set<String> skip = new HashSet<>();
        for (ChannelMessage message : shown) {
            leftOut.add(message.id());
            leftOut.add(ElizaIds.unique(message.id(), room.agentId()));
            skip.add(message.text().strip());
        }
        // a few more than needed: memories of the same text as another, or blank, are dropped after the read
        int wanted = recallLimit + RECALL_SLACK;
        return attempt("recall memories of room " + room.id(), () -> service.get()
                .recall(room.agentId(), Optional.of(room.id()), text, wanted, recallThreshold, leftOut)
                .stream().map(RecalledMemory::memory)
                .filter(m -> !skip.contains(m.text().strip()) && !m.text().isBlank())
                .map(Memory::text).distinct().limit(recallLimit).toList()).orElse(List.of());
    }

    private void remember(Memory memory) {
        memories.ifPresent(service -> attempt("remember " + memory.id(), () -> service.remember(memory)));
    }

    private static <T> Optional<T> attempt(String what, java.util.function.Supplier<T> work) {
        try {
            return Optional.ofNullable(work.get());
        } catch (RuntimeException e) {
            LOG.warn("Could not {}; the reply goes on without it: {}", what, e.toString());
            return Optional.empty();
        }
    }
}
