package dev.eliza.realtime.impl;

import java.util.Optional;

/**
 * One Socket.IO protocol v5 packet in its text form: {@code <type>[<namespace>,][<ack id>][<json>]}.
 *
 * @param type 0 CONNECT, 1 DISCONNECT, 2 EVENT, 3 ACK, 4 CONNECT_ERROR (5 and 6 are binary, not supported)
 * @param namespace {@code /} unless the packet names another
 * @param ackId the acknowledgement id, or -1
 * @param json the payload as JSON text, or empty
 */
record SocketIoPacket(int type, String namespace, long ackId, Optional<String> json) {
    static final int CONNECT = 0;
    static final int DISCONNECT = 1;
    static final int EVENT = 2;
    static final int ACK = 3;
    static final int CONNECT_ERROR = 4;

    /** Parses a packet; empty when the text is not a Socket.IO text packet. */
    static Optional<SocketIoPacket> decode(String text) {
        if (text.isEmpty() || text.charAt(0) < '0' || text.charAt(0) > '6') {
            return Optional.empty();
        }
        int type = text.charAt(0) - '0';
        int at = 1;
        String namespace = "/";
        if (at < text.length() && text.charAt(at) == '/') {
            int comma = text.indexOf(',', at);
            if (comma < 0) {
                return Optional.of(new SocketIoPacket(type, text.substring(at), -1, Optional.empty()));
            }
            namespace = text.substring(at, comma);
            at = comma + 1;
        }
        int digits = at;
        while (digits < text.length() && Character.isDigit(text.charAt(digits)) && digits - at < 18) {
            digits++;
        }
        long ackId = digits > at ? Long.parseLong(text.substring(at, digits)) : -1;
        String rest = text.substring(digits);
        return Optional.of(new SocketIoPacket(type, namespace, ackId, rest.isEmpty() ? Optional.empty()
                : Optional.of(rest)));
    }

    /** The text form of a packet in the default namespace. */
    static String encode(int type, long ackId, String json) {
        StringBuilder text = new StringBuilder(2 + (json == null ? 0 : json.length()));
        text.append(type);
        if (ackId >= 0) {
            text.append(ackId);
        }
        if (json != null) {
            text.append(json);
        }
        return text.toString();
    }
}
