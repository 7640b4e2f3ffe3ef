package dev.eliza.media.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.messaging.api.Channel;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;

/** The agents and channels uploads may name; only the lookups media makes are served. */
final class KnownOwners implements AgentDirectory, MessageService {
    private final Set<UUID> agents = ConcurrentHashMap.newKeySet();
    private final Set<UUID> channels = ConcurrentHashMap.newKeySet();

    UUID addAgent() {
        UUID id = UUID.randomUUID();
        agents.add(id);
        return id;
    }

    UUID addChannel() {
        UUID id = UUID.randomUUID();
        channels.add(id);
        return id;
    }

    @Override
    public Optional<Agent> find(UUID id) {
        return agents.contains(id) ? Optional.of(new Agent(id, true, 1L, 1L,
                JsonNodeFactory.instance.objectNode().put("name", "Uploader"))) : Optional.empty();
    }

    @Override
    public Optional<Channel> channel(UUID channelId) {
        return channels.contains(channelId) ? Optional.of(new Channel(channelId, UUID.randomUUID(), "c", "GROUP",
                JsonNodeFactory.instance.objectNode())) : Optional.empty();
    }

    @Override
    public List<Agent> list() {
        throw unused();
    }

    @Override
    public long count() {
        return agents.size();
    }

    @Override
    public Agent create(ObjectNode character) {
        throw unused();
    }

    @Override
    public Optional<Agent> update(UUID id, ObjectNode changes) {
        throw unused();
    }

    @Override
    public boolean delete(UUID id) {
        throw unused();
    }

    @Override
    public Map<String, String> secrets(UUID id) {
        throw unused();
    }

    @Override
    public boolean markActive(UUID id, boolean active) {
        throw unused();
    }

    @Override
    public List<UUID> activeIds() {
        throw unused();
    }

    @Override
    public ChannelMessage post(NewMessage message) {
        throw unused();
    }

    @Override
    public Optional<ChannelMessage> message(UUID messageId) {
        throw unused();
    }

    @Override
    public List<ChannelMessage> recent(UUID channelId, int limit) {
        throw unused();
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by media");
    }
}
