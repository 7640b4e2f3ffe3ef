package dev.eliza.messaging.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.messaging.api.AgentReply;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.MessageOrigin;
import dev.eliza.realtime.api.RealtimeBroadcaster;

/**
 * The Socket.IO events of the messaging domain, sent to the room named by the channel id. The shapes of
 * {@code messageBroadcast} follow the message's origin as 1.7.2 sends them (WIRE-NOTES section 4).
 */
final class Broadcasts {
    private final Supplier<Optional<RealtimeBroadcaster>> realtime;

    Broadcasts(Supplier<Optional<RealtimeBroadcaster>> realtime) {
        this.realtime = realtime;
    }

    void message(ChannelMessage message, MessageOrigin origin, Optional<String> clientMessageId,
                 Optional<JsonNode> rawMessage) {
        if (origin == MessageOrigin.SUBMIT) {
            JsonNode raw = rawMessage.orElseGet(Json.MAPPER::createObjectNode);
            List<String> actions = new ArrayList<>();
            raw.path("actions").forEach(a -> actions.add(a.asText()));
            reply(message, raw.path("thought").asText(""), actions);
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", message.id().toString());
        body.put("senderId", message.authorId().toString());
        body.put("senderName", message.authorName());
        body.put("text", message.text());
        if (origin != MessageOrigin.REST) {
            body.put("channelId", message.channelId().toString());
        }
        body.put("roomId", message.channelId().toString());
        body.put("messageServerId", message.serverId().toString());
        body.put("createdAt", message.createdAt());
        body.put("source", message.source());
        if (!message.attachments().isEmpty()) {
            body.set("attachments", message.attachments());
        }
        if (origin == MessageOrigin.ACTION) {
            body.put("updatedAt", message.createdAt());
            body.set("rawMessage", rawMessage.orElseGet(Json.MAPPER::createObjectNode));
        }
        clientMessageId.ifPresent(id -> body.put("clientMessageId", id));
        send(message.channelId(), "messageBroadcast", body);
    }

    /** An agent's reply, in the shape 1.7.2 gives every {@code /submit}: {@code serverId}, thought and actions. */
    void reply(ChannelMessage message, String thought, List<String> actions) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("senderId", message.authorId().toString());
        body.put("senderName", message.authorName());
        body.put("text", message.text());
        body.put("roomId", message.channelId().toString());
        body.put("serverId", message.serverId().toString());
        body.put("createdAt", message.createdAt());
        body.put("source", message.source());
        body.put("id", message.id().toString());
        body.put("thought", thought);
        body.set("actions", Json.MAPPER.valueToTree(actions));
        body.set("attachments", message.attachments());
        send(message.channelId(), "messageBroadcast", body);
    }

    void chunk(UUID channelId, UUID agentId, AgentReply partial, int index, String chunk) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("messageId", partial.replyId().toString());
        body.put("chunk", chunk);
        body.put("index", index);
        body.put("agentId", agentId.toString());
        body.put("channelId", channelId.toString());
        send(channelId, "messageStreamChunk", body);
    }

    void complete(UUID channelId, UUID agentId, UUID messageId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("messageId", messageId.toString());
        body.put("channelId", channelId.toString());
        body.put("agentId", agentId.toString());
        send(channelId, "messageComplete", body);
        enableInput(channelId);
    }

    void error(UUID channelId, UUID messageId, String error) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("error", error);
        body.put("messageId", messageId.toString());
        body.put("channelId", channelId.toString());
        send(channelId, "messageError", body);
        enableInput(channelId);
    }

    /** A REST change the room must see ({@code messageDeleted}, {@code channelCleared}, …). */
    void change(UUID channelId, String event, ObjectNode body) {
        send(channelId, event, body);
    }

    private void enableInput(UUID channelId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("action", "enable_input");
        body.put("channelId", channelId.toString());
        send(channelId, "controlMessage", body);
    }

    private void send(UUID channelId, String event, ObjectNode body) {
        realtime.get().ifPresent(r -> r.toRoom(channelId.toString(), event, body));
    }
}
