package dev.eliza.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Malformed Engine.IO / Socket.IO frames for an open WebSocket, from a fixed seed: unknown packet types, broken or
 * hostile JSON, wrong namespaces, binary-attachment headers with no attachments, acks for nothing, huge and empty
 * frames, and well-formed events with wrong argument types for the events the server handles.
 */
final class WebSocketFrameFuzzer {
    private static final String[] EVENTS = {"message", "1", "2", "3", "4", "subscribe_logs", "update_log_filters",
        "joinRoom", "leaveRoom", "messageEnvelope", "connection_established"};
    private static final String[] JUNK = {"", "4", "42", "42[", "42]", "42{}", "42[]", "42[null]", "42[1,2,3]",
        "43", "431[]", "44", "41", "46", "451-[\"x\",{\"_placeholder\":true,\"num\":0}]", "40/nope,",
        "42/nope,[\"message\"]", "9", "x", "\u0000", "\ud800", "42[\"\\u0000\"]", "0", "1", "3", "5", "6",
        "42[\"message\",{\"type\":\"x\"}]", "42[{\"__proto__\":{}}]", "4299999999999999999999[\"message\"]"};

    private final Random random;

    WebSocketFrameFuzzer(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} frames. */
    List<String> frames(int count) {
        List<String> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(frame());
        }
        return frames;
    }

    private String frame() {
        String event = EVENTS[random.nextInt(EVENTS.length)];
        return switch (random.nextInt(8)) {
            case 0 -> JUNK[random.nextInt(JUNK.length)];
            case 1 -> "42[\"" + event + "\"," + value(3) + "]";
            case 2 -> "42" + random.nextInt(1000) + "[\"" + event + "\"," + value(3) + "]";
            case 3 -> "42[\"" + event + "\",\"" + "A".repeat(1 + random.nextInt(200_000)) + "\"]";
            case 4 -> "42[\"" + event + "\"," + "[".repeat(1 + random.nextInt(2_000)) + "]";
            case 5 -> "4" + random.nextInt(10) + randomText(1 + random.nextInt(64));
            case 6 -> random.nextInt(10) + randomText(random.nextInt(64));
            default -> "42[\"" + event + "\",{\"channelId\":" + value(1) + ",\"roomId\":" + value(1)
                    + ",\"entityId\":" + value(1) + ",\"message\":" + value(1) + ",\"senderId\":" + value(1) + "}]";
        };
    }

    private String value(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Long.toString(random.nextLong());
            case 2 -> "1e999";
            case 3 -> "\"" + randomText(random.nextInt(40)).replace("\\", "").replace("\"", "") + "\"";
            case 4 -> "\"not-a-uuid\"";
            case 5 -> "true";
            case 6 -> "\"00000000-0000-0000-0000-00000000000g\"";
            case 7 -> "[" + value(depth - 1) + "," + value(depth - 1) + "]";
            default -> "{\"k\":" + value(depth - 1) + "}";
        };
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return text.toString();
    }
}
