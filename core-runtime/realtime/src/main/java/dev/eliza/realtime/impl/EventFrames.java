package dev.eliza.realtime.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Encodes outgoing events and acknowledgements as Socket.IO text packets, once per send however many receive it. */
final class EventFrames {
    private final ObjectMapper mapper;

    EventFrames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code 42["event",args...]}. */
    String event(String event, Object... args) {
        ArrayNode array = mapper.createArrayNode().add(event);
        for (Object arg : args) {
            array.addPOJO(arg);
        }
        return SocketIoPacket.encode(SocketIoPacket.EVENT, -1, write(array));
    }

    /** {@code 43<id>[args...]}. */
    String ack(long id, Object... args) {
        ArrayNode array = mapper.createArrayNode();
        for (Object arg : args) {
            array.addPOJO(arg);
        }
        return SocketIoPacket.encode(SocketIoPacket.ACK, id, write(array));
    }

    /** {@code 40{"sid":...}}. */
    String connect(String sid) {
        return SocketIoPacket.encode(SocketIoPacket.CONNECT, -1, write(mapper.createObjectNode().put("sid", sid)));
    }

    /** {@code 44{"message":...}}, or {@code 44/nsp,{"message":...}} for another namespace. */
    String connectError(String namespace, String message) {
        String packet = SocketIoPacket.encode(SocketIoPacket.CONNECT_ERROR, -1,
                write(mapper.createObjectNode().put("message", message)));
        return "/".equals(namespace) ? packet : packet.charAt(0) + namespace + "," + packet.substring(1);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event arguments cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
