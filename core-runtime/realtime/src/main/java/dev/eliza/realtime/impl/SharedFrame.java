package dev.eliza.realtime.impl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One outgoing Socket.IO packet encoded once for every receiver: the Socket.IO text (for the library's own
 * transports, polling and the upgrade window) and the Engine.IO MESSAGE frame's UTF-8 bytes, which every WebSocket
 * receiver is handed as the same read-only buffer (a view each, never a copy or a re-encode). Heap memory: one event
 * sent to one socket is the common case, and a direct buffer per event would cost more than it saves.
 */
final class SharedFrame {
    private final String packet;
    private final ByteBuffer engineIoBytes;

    SharedFrame(String packet) {
        this.packet = packet;
        byte[] utf8 = ("4" + packet).getBytes(StandardCharsets.UTF_8);
        this.engineIoBytes = ByteBuffer.wrap(utf8).asReadOnlyBuffer();
    }

    /** The Socket.IO packet, e.g. {@code 42["event",{...}]}. */
    String packet() {
        return packet;
    }

    /** A fresh view of the Engine.IO frame payload ({@code 4} + the packet), positioned at its start. */
    ByteBuffer engineIoPayload() {
        return engineIoBytes.duplicate();
    }

    /** What the frame counts against a receiver's send bound: its length in characters, as every packet is counted. */
    int size() {
        return packet.length() + 1;
    }
}
