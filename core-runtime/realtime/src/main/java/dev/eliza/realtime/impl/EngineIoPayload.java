package dev.eliza.realtime.impl;

import java.util.Base64;

/**
 * Recognises Engine.IO v4 packets and polling payloads the library can decode: its parser throws on an empty
 * packet, a non-digit type or bad base64, and leaves an unknown type digit as a null that fails later.
 */
final class EngineIoPayload {
    /** Separates the packets of one polling payload. */
    static final String SEPARATOR = "\u001e";

    private EngineIoPayload() {
    }

    /** A polling body: packets joined by {@link #SEPARATOR}, as the library splits it (trailing empties dropped). */
    static boolean isValidPayload(String payload) {
        String[] packets = payload.split(SEPARATOR);
        if (packets.length == 0) {
            return false;
        }
        for (String packet : packets) {
            if (!isValidPacket(packet)) {
                return false;
            }
        }
        return true;
    }

    /** One packet: a type digit 0 to 6 and its data, or {@code b} and base64 binary data. */
    static boolean isValidPacket(String packet) {
        if (packet.isEmpty()) {
            return false;
        }
        char type = packet.charAt(0);
        if (type == 'b') {
            try {
                Base64.getDecoder().decode(packet.substring(1));
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return type >= '0' && type <= '6';
    }
}
