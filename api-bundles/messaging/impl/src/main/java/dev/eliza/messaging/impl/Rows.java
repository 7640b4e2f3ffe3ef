package dev.eliza.messaging.impl;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.messaging.api.Channel;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.messaging.api.DeliveryState;

/** Rows to contract records. */
final class Rows {
    private Rows() {
    }

    static Channel channel(ChannelRow row) {
        return new Channel(row.id(), row.serverId(), row.name(), row.type(), Json.object(row.metadataJson()));
    }

    static ChannelMessage message(MessageRow row) {
        JsonNode attachments = Json.parse(row.attachmentsJson()).orElseGet(Json.MAPPER::createArrayNode);
        return new ChannelMessage(row.id(), row.channelId(), row.serverId(), row.authorId(),
                row.authorName() == null ? "" : row.authorName(), row.content(), row.sourceType(),
                Optional.ofNullable(row.inReplyTo()), Json.object(row.metadataJson()), attachments,
                row.createdAt().toEpochMilli());
    }

    static Delivery delivery(DeliveryRow row, ChannelMessage message) {
        DeliveryState state = DeliveryState.valueOf(row.state().toUpperCase(Locale.ROOT));
        return new Delivery(row.agentId(), message, state, Optional.ofNullable(row.reason()), row.depth(),
                row.attempts(), row.updatedAt().toEpochMilli());
    }
}
