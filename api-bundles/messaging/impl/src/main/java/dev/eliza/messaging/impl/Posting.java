package dev.eliza.messaging.impl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.messaging.api.InvalidMessageException;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;
import dev.eliza.messaging.api.UnknownChannelException;
import dev.eliza.messaging.impl.MessageStore.NewDelivery;

/**
 * Posting a message: checks it, creates the channel on first use when asked to, stores it with one delivery per
 * agent of the channel other than its author, then broadcasts it and hands the received deliveries over.
 */
final class Posting {
    /** What a post stored, and the deliveries it created. */
    record Posted(MessageRow row, ChannelMessage message, List<NewDelivery> deliveries, int depth) {
    }

    static final String NOT_RUNNING = "agent is not running";

    private final ChannelStore channels;
    private final MessageStore messages;
    private final AgentDirectory agents;
    private final Broadcasts broadcasts;
    private final Consumer<Posted> handOver;

    Posting(ChannelStore channels, MessageStore messages, AgentDirectory agents, Broadcasts broadcasts,
            Consumer<Posted> handOver) {
        this.channels = channels;
        this.messages = messages;
        this.agents = agents;
        this.broadcasts = broadcasts;
        this.handOver = handOver;
    }

    static String checkedText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidMessageException("content must be a non-empty string");
        }
        if (text.length() > MessageService.MAX_TEXT_LENGTH) {
            throw new InvalidMessageException("content must be at most " + MessageService.MAX_TEXT_LENGTH
                    + " characters");
        }
        return text;
    }

    /**
     * Posts {@code message} with the raw message and parent a REST route may carry; {@code known} is the channel
     * with its participants when the caller has just read them (saving a query on the hot path).
     */
    Posted post(NewMessage message, Optional<JsonNode> rawMessage, Optional<UUID> inReplyTo,
                Optional<String> sourceId, Optional<ChannelMembersRow> known) {
        String text = checkedText(message.text());
        ChannelMembersRow target = known.filter(c -> c.id().equals(message.channelId()))
                .or(() -> channels.withParticipants(message.channelId())).orElseGet(() -> autoCreate(message));
        ChannelRow channel = target.channel();
        List<NewDelivery> deliveries = deliveriesFor(target.participants(), message.authorId());
        int depth = isAgent(message.authorId()) ? 1 : 0;
        var now = channels.now();
        ObjectNode metadata = message.metadata() == null ? Json.MAPPER.createObjectNode() : message.metadata();
        MessageRow row = new MessageRow(UUID.randomUUID(), channel.id(), channel.serverId(), message.authorId(),
                message.authorName() == null ? "" : message.authorName(), text,
                message.source() == null || message.source().isEmpty() ? "client_chat" : message.source(),
                sourceId.orElse(null), rawMessage.map(Json::write).orElse(null), Json.write(metadata),
                Json.write(message.attachments()), inReplyTo.orElse(null), now, now);
        messages.insert(row, deliveries, depth, Optional.empty());
        Posted posted = new Posted(row, Rows.message(row), deliveries, depth);
        broadcasts.message(posted.message(), message.origin(), message.clientMessageId(), rawMessage);
        handOver.accept(posted);
        return posted;
    }

    /** A delivery for every agent among {@code participants} other than {@code author}. */
    List<NewDelivery> deliveriesFor(List<UUID> participants, UUID author) {
        Set<UUID> known = new HashSet<>();
        for (Agent agent : agents.list()) {
            known.add(agent.id());
        }
        List<UUID> addressed = participants.stream().filter(p -> !p.equals(author) && known.contains(p)).toList();
        if (addressed.isEmpty()) {
            return List.of();
        }
        List<NewDelivery> deliveries = new ArrayList<>();
        for (UUID agent : addressed) {
            deliveries.add(agents.shouldRun(agent) ? new NewDelivery(agent, DeliveryState.RECEIVED, null)
                    : new NewDelivery(agent, DeliveryState.NO_REPLY, NOT_RUNNING));
        }
        return deliveries;
    }

    private boolean isAgent(UUID id) {
        return agents.list().stream().anyMatch(a -> a.id().equals(id));
    }

    /** The channel 1.7.2 creates when a message names one that does not exist yet. */
    private ChannelMembersRow autoCreate(NewMessage message) {
        if (!message.createChannel() || channels.server(message.serverId()).isEmpty()) {
            throw new UnknownChannelException(message.channelId());
        }
        var now = channels.now();
        ObjectNode metadata = Json.MAPPER.createObjectNode();
        metadata.put("created_at", Views.iso(now));
        metadata.put("created_by", "gui_auto_creation");
        metadata.put("channel_type", "GROUP");
        List<UUID> participants = new ArrayList<>(List.of(message.authorId()));
        Optional.ofNullable(message.metadata()).flatMap(m -> Json.uuid(m, "targetAgentId")).ifPresent(agent -> {
            metadata.put("targetAgentId", agent.toString());
            participants.add(agent);
        });
        metadata.put("created_for_user", message.authorId().toString());
        return channels.createChannel(message.channelId(), message.serverId(),
                "Chat " + message.channelId().toString().substring(0, 8), "GROUP", "auto_created", metadata,
                participants);
    }
}
