package dev.eliza.apidocs;

import static dev.eliza.apidocs.Schemas.ANY;
import static dev.eliza.apidocs.Schemas.ANY_OBJECT;
import static dev.eliza.apidocs.Schemas.BOOLEAN;
import static dev.eliza.apidocs.Schemas.INTEGER;
import static dev.eliza.apidocs.Schemas.NUMBER;
import static dev.eliza.apidocs.Schemas.STRING;
import static dev.eliza.apidocs.Schemas.UUID;
import static dev.eliza.apidocs.Schemas.arrayOf;
import static dev.eliza.apidocs.Schemas.constant;
import static dev.eliza.apidocs.Schemas.object;
import static dev.eliza.apidocs.Schemas.oneOf;
import static dev.eliza.apidocs.Schemas.optional;
import static dev.eliza.apidocs.Schemas.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the server's Socket.IO events carry (WIRE-NOTES section 4 and the emitting code). Which client events exist
 * is not decided here but by the handlers registered; this only knows the payloads of the ones the platform ships.
 * The server's events are all the platform's own code emits.
 */
final class SocketEventCatalogue {
    private static final ObjectNode JOIN = object(optional("channelId", UUID), optional("roomId", UUID),
            optional("agentId", UUID), optional("entityId", UUID), optional("messageServerId", UUID),
            optional("username", STRING), optional("displayName", STRING), optional("metadata", ANY_OBJECT));
    private static final ObjectNode SEND = object(optional("channelId", UUID), optional("roomId", UUID),
            required("senderId", UUID), optional("senderName", STRING), required("message", STRING),
            required("messageServerId", UUID), optional("source", STRING), optional("messageId", STRING),
            optional("metadata", ANY_OBJECT), optional("attachments", arrayOf(ANY_OBJECT)));
    private static final ObjectNode LOG_FILTERS = object(optional("level", STRING), optional("agentName", STRING));
    private static final ObjectNode JOINED = object(required("message", STRING), required("channelId", UUID),
            required("roomId", UUID), optional("agentId", UUID));
    private static final ObjectNode LOG_ENTRY = object(required("level", INTEGER), required("time", NUMBER),
            required("msg", STRING), optional("logger", STRING));
    private static final ObjectNode BROADCAST = object(required("id", UUID), required("senderId", UUID),
            optional("senderName", STRING), required("text", STRING), optional("channelId", UUID),
            required("roomId", UUID), optional("messageServerId", UUID), optional("serverId", UUID),
            required("createdAt", NUMBER), optional("source", STRING), optional("clientMessageId", STRING),
            optional("thought", STRING), optional("actions", arrayOf(STRING)),
            optional("attachments", arrayOf(ANY_OBJECT)), optional("updatedAt", NUMBER),
            optional("rawMessage", ANY));

    private static final Map<String, SocketEvent> CLIENT = index(List.of(
            new SocketEvent("1", "Join a channel (SOCKET_MESSAGE_TYPE.ROOM_JOINING)", JOIN),
            new SocketEvent("2", "Send a message to a channel (SOCKET_MESSAGE_TYPE.SEND_MESSAGE)", SEND),
            new SocketEvent("message", "Envelope for join (type 1) or send (type 2)", object(
                    required("type", INTEGER), required("payload", oneOf(JOIN, SEND)))),
            new SocketEvent("join", "Join a room by id", object(optional("roomId", UUID), optional("channelId", UUID),
                    optional("agentId", UUID))),
            new SocketEvent("leave", "Leave a room by id", object(optional("roomId", UUID),
                    optional("channelId", UUID))),
            new SocketEvent("request-world-state", "Ask for the socket's rooms", ANY_OBJECT),
            new SocketEvent("subscribe_logs", "Start receiving the server's log entries", ANY),
            new SocketEvent("unsubscribe_logs", "Stop receiving log entries", ANY),
            new SocketEvent("update_log_filters", "Filter the streamed log entries", LOG_FILTERS)));

    private static final List<SocketEvent> SERVER = List.of(
            new SocketEvent("authenticated", "Sent on connect", object(required("entityId", UUID),
                    required("timestamp", NUMBER))),
            new SocketEvent("connection_established", "Sent on connect", object(required("message", STRING),
                    required("socketId", STRING))),
            new SocketEvent("channel_joined", "A join was accepted", JOINED),
            new SocketEvent("room_joined", "A join was accepted", JOINED),
            new SocketEvent("room_left", "A leave was accepted", object(required("roomId", UUID),
                    required("channelId", UUID))),
            new SocketEvent("messageBroadcast", "A message in a joined channel (its shape follows its origin)",
                    BROADCAST),
            new SocketEvent("messageAck", "To the sender: the message is stored", object(
                    required("clientMessageId", STRING), required("messageId", UUID),
                    required("status", constant("received_by_server_and_processing")), required("channelId", UUID),
                    required("roomId", UUID))),
            new SocketEvent("messageStreamChunk", "A streamed piece of an agent's reply", object(
                    required("messageId", UUID), required("chunk", STRING), required("index", INTEGER),
                    required("agentId", UUID), required("channelId", UUID))),
            new SocketEvent("messageComplete", "An agent's reply is complete", object(required("channelId", UUID),
                    optional("messageId", UUID), optional("agentId", UUID))),
            new SocketEvent("controlMessage", "UI control, e.g. enable_input after a reply", object(
                    required("action", STRING), required("channelId", UUID))),
            new SocketEvent("messageError", "A refused event or a failed reply", object(required("error", STRING),
                    optional("messageId", UUID), optional("channelId", UUID))),
            new SocketEvent("messageDeleted", "A message was deleted over REST", object(required("messageId", UUID),
                    required("channelId", UUID))),
            new SocketEvent("channelCleared", "A channel's messages were deleted", object(
                    required("channelId", UUID))),
            new SocketEvent("channelUpdated", "A channel was changed", object(required("channelId", UUID),
                    optional("updates", ANY_OBJECT))),
            new SocketEvent("channelDeleted", "A channel was deleted", object(required("channelId", UUID))),
            new SocketEvent("world-state", "Answer to request-world-state", object(required("rooms", arrayOf(STRING)),
                    required("timestamp", NUMBER))),
            new SocketEvent("log_subscription_confirmed", "Answer to subscribe_logs and unsubscribe_logs", object(
                    required("subscribed", BOOLEAN), required("message", STRING))),
            new SocketEvent("log_filters_updated", "Answer to update_log_filters", object(
                    required("success", BOOLEAN), required("filters", LOG_FILTERS))),
            new SocketEvent("log_stream", "A log entry, 1.7.2's shape", object(
                    required("type", constant("log_entry")), required("payload", LOG_ENTRY))),
            new SocketEvent("logEntry", "A log entry, the documented shape", LOG_ENTRY));

    private SocketEventCatalogue() {
    }

    /** The documented payload of a client event the platform ships a handler for. */
    static Optional<SocketEvent> client(String event) {
        return Optional.ofNullable(CLIENT.get(event));
    }

    /** Every event the server emits. */
    static List<SocketEvent> server() {
        return SERVER;
    }

    private static Map<String, SocketEvent> index(List<SocketEvent> events) {
        Map<String, SocketEvent> byName = new LinkedHashMap<>();
        events.forEach(event -> byName.put(event.name(), event));
        return Map.copyOf(byName);
    }
}
