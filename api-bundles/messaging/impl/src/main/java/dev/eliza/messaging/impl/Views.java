package dev.eliza.messaging.impl;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The 1.7.2 JSON shapes of servers, channels and messages (see the {@code messaging_*} wire captures). */
final class Views {
    private Views() {
    }

    static String iso(Instant instant) {
        return IsoTime.format(instant);
    }

    static ObjectNode server(ServerRow row) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("id", row.id().toString());
        view.put("name", row.name());
        view.put("sourceType", row.sourceType());
        if (row.sourceId() != null) {
            view.put("sourceId", row.sourceId());
        }
        Json.parse(row.metadataJson()).ifPresent(m -> view.set("metadata", m));
        times(view, row.createdAt(), row.updatedAt());
        return view;
    }

    static ObjectNode channel(ChannelRow row) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("id", row.id().toString());
        view.put("messageServerId", row.serverId().toString());
        view.put("name", row.name());
        view.put("type", row.type());
        if (row.sourceType() != null) {
            view.put("sourceType", row.sourceType());
        }
        view.set("metadata", Json.object(row.metadataJson()));
        times(view, row.createdAt(), row.updatedAt());
        return view;
    }

    /** A message as channel listings show it: ISO and epoch-millisecond times both. */
    static ObjectNode message(MessageRow row) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("id", row.id().toString());
        view.put("channelId", row.channelId().toString());
        view.put("authorId", row.authorId().toString());
        view.put("content", row.content());
        Json.putStored(view, "rawMessage", row.rawMessageJson());
        view.put("sourceType", row.sourceType());
        if (row.sourceId() != null) {
            view.put("sourceId", row.sourceId());
        }
        Json.putStoredObject(view, "metadata", row.metadataJson());
        Json.putStored(view, "attachments", row.attachmentsJson());
        inReplyTo(view, row.inReplyTo());
        times(view, row.createdAt(), row.updatedAt());
        view.put("created_at", row.createdAt().toEpochMilli());
        view.put("updated_at", row.updatedAt().toEpochMilli());
        return view;
    }

    static ObjectNode messages(List<MessageRow> rows) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        rows.forEach(r -> list.add(message(r)));
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.set("messages", list);
        return data;
    }

    /** The {@code userMessage} of a channel post's answer. */
    static ObjectNode userMessage(MessageRow row) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("id", row.id().toString());
        view.put("channel_id", row.channelId().toString());
        view.put("message_server_id", row.serverId().toString());
        view.put("author_id", row.authorId().toString());
        view.put("content", row.content());
        view.put("created_at", row.createdAt().toEpochMilli());
        view.put("source_type", row.sourceType());
        ObjectNode metadata = Json.object(row.metadataJson());
        if (!metadata.isEmpty()) {
            view.set("metadata", metadata);
        }
        if (!row.authorName().isEmpty()) {
            view.put("author_display_name", row.authorName());
        }
        return view;
    }

    /** A message as {@code /submit} and {@code /action} answer it. */
    static ObjectNode submitted(MessageRow row, boolean withParent) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("id", row.id().toString());
        view.put("channelId", row.channelId().toString());
        view.put("authorId", row.authorId().toString());
        view.put("content", row.content());
        view.set("rawMessage", Json.parse(row.rawMessageJson()).orElseGet(Json.MAPPER::createObjectNode));
        view.put("sourceType", row.sourceType());
        ObjectNode metadata = Json.object(row.metadataJson());
        if (!metadata.isEmpty()) {
            view.set("metadata", metadata);
        }
        if (withParent) {
            inReplyTo(view, row.inReplyTo());
        }
        times(view, row.createdAt(), row.updatedAt());
        return view;
    }

    static ObjectNode delivery(DeliveryRow row) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("agentId", row.agentId().toString());
        view.put("state", row.state());
        if (row.reason() != null) {
            view.put("reason", row.reason());
        }
        view.put("depth", row.depth());
        view.put("attempts", row.attempts());
        view.put("updatedAt", row.updatedAt().toEpochMilli());
        return view;
    }

    static ArrayNode ids(List<UUID> ids) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        ids.forEach(id -> list.add(id.toString()));
        return list;
    }

    static ObjectNode of(String key, JsonNode value) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set(key, value);
        return node;
    }

    private static void inReplyTo(ObjectNode view, UUID parent) {
        if (parent == null) {
            view.putNull("inReplyToRootMessageId");
        } else {
            view.put("inReplyToRootMessageId", parent.toString());
        }
    }

    private static void times(ObjectNode view, Instant created, Instant updated) {
        view.put("createdAt", iso(created));
        view.put("updatedAt", iso(updated));
    }
}
