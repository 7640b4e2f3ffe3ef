package dev.eliza.apidocs;

import java.util.Collection;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the AsyncAPI 3.0 document of the Socket.IO endpoint: one channel ({@code /socket.io/}), a {@code receive}
 * operation per client event a handler is registered for now, a {@code send} operation per event the server emits.
 * A client event the catalogue does not know (a plugin's) is listed with an open payload.
 */
final class AsyncApiBuilder {
    static final String CHANNEL = "socketio";

    private final String version;

    AsyncApiBuilder(String version) {
        this.version = version;
    }

    ObjectNode build(Collection<String> clientEvents) {
        ObjectNode document = Schemas.MAPPER.createObjectNode().put("asyncapi", "3.0.0");
        document.putObject("info").put("title", "Eliza OSGi server Socket.IO events").put("version", version)
                .put("description", "Engine.IO v4 / Socket.IO v5 at /socket.io/. Each message's payload is the "
                        + "event's first argument. The handshake needs a UUID auth.entityId. Served on the same host and port "
                        + "as this document.");
        ObjectNode channel = document.putObject("channels").putObject(CHANNEL).put("address", "/socket.io/");
        ObjectNode channelMessages = channel.putObject("messages");
        ObjectNode operations = document.putObject("operations");
        ObjectNode messages = document.putObject("components").putObject("messages");
        for (String event : new TreeSet<>(clientEvents)) {
            SocketEvent described = SocketEventCatalogue.client(event)
                    .orElseGet(() -> new SocketEvent(event, "Handled by a registered handler", Schemas.ANY));
            add(described, "client", "receive", channelMessages, operations, messages);
        }
        for (SocketEvent event : SocketEventCatalogue.server()) {
            add(event, "server", "send", channelMessages, operations, messages);
        }
        return document;
    }

    private static void add(SocketEvent event, String side, String action, ObjectNode channelMessages,
            ObjectNode operations, ObjectNode messages) {
        String id = side + "." + event.name();
        ObjectNode message = messages.putObject(id).put("name", event.name()).put("title", event.name())
                .put("summary", event.summary());
        message.set("payload", event.payload());
        channelMessages.putObject(id).put("$ref", "#/components/messages/" + id);
        ObjectNode operation = operations.putObject(id).put("action", action)
                .put("summary", ("client".equals(side) ? "The client emits " : "The server emits ") + event.name());
        operation.putObject("channel").put("$ref", "#/channels/" + CHANNEL);
        operation.putArray("messages").addObject().put("$ref", "#/channels/" + CHANNEL + "/messages/" + id);
    }
}
