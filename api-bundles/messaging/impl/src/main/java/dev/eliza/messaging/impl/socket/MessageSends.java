package dev.eliza.messaging.impl.socket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.MDC;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.InvalidMessageException;
import dev.eliza.messaging.api.MessageOrigin;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.messaging.api.NewMessage;
import dev.eliza.messaging.api.UnknownChannelException;
import dev.eliza.realtime.api.RealtimeSocket;

/**
 * ElizaOS's SEND_MESSAGE: posts the payload through {@link MessageService} (which broadcasts it to the room, the
 * sender's copy carrying its {@code clientMessageId}), then acknowledges to the sender with {@code messageAck}.
 * A payload lacking a field, or naming a non-UUID, is answered with {@code messageError} and nothing is stored.
 */
final class MessageSends {
    static final String MISSING_FIELDS = "For SEND_MESSAGE: channelId, messageServerId (message_server_id), "
            + "senderId (author_id), and message are required.";
    static final String ACK_STATUS = "received_by_server_and_processing";

    private final MessageService messages;

    MessageSends(MessageService messages) {
        this.messages = messages;
    }

    /** Sends the message in {@code payload}; the stored message, or empty when it was refused. */
    Optional<ChannelMessage> send(RealtimeSocket socket, JsonNode payload) {
        Optional<UUID> channel = SocketPayloads.uuid(payload, "channelId", "roomId");
        Optional<UUID> server = SocketPayloads.uuid(payload, "messageServerId", "message_server_id", "serverId");
        Optional<UUID> sender = SocketPayloads.uuid(payload, "senderId", "author_id");
        JsonNode text = payload.path("message");
        if (channel.isEmpty() || server.isEmpty() || sender.isEmpty() || !text.isTextual()
                || text.asText().isBlank()) {
            return refuse(socket, MISSING_FIELDS);
        }
        Optional<String> clientId = SocketPayloads.text(payload, "messageId");
        NewMessage message = new NewMessage(channel.get(), server.get(), sender.get(),
                SocketPayloads.text(payload, "senderName").orElse(""), text.asText(),
                SocketPayloads.text(payload, "source").orElse(""), metadata(payload),
                payload.path("attachments").isArray() ? payload.get("attachments") : NullNode.getInstance(),
                MessageOrigin.SOCKET, clientId, true);
        ChannelMessage stored;
        try (MDC.MDCCloseable context = MDC.putCloseable("channelId", channel.get().toString())) {
            stored = messages.post(message);
        } catch (InvalidMessageException | UnknownChannelException e) {
            return refuse(socket, e.getMessage());
        }
        Map<String, Object> ack = new LinkedHashMap<>();
        clientId.ifPresent(id -> ack.put("clientMessageId", id));
        ack.put("messageId", stored.id().toString());
        ack.put("status", ACK_STATUS);
        ack.put("channelId", stored.channelId().toString());
        ack.put("roomId", stored.channelId().toString());
        socket.emit("messageAck", ack);
        return Optional.of(stored);
    }

    private static ObjectNode metadata(JsonNode payload) {
        JsonNode metadata = payload.path("metadata");
        return metadata.isObject() ? ((ObjectNode) metadata).deepCopy() : JsonNodeFactory.instance.objectNode();
    }

    private static Optional<ChannelMessage> refuse(RealtimeSocket socket, String error) {
        socket.emit("messageError", Map.of("error", error));
        return Optional.empty();
    }
}
