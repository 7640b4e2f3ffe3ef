package dev.eliza.realtime.impl;

import java.util.function.Function;

/**
 * The realtime bundle's configuration keys.
 *
 * @param pingIntervalMs {@code SOCKETIO_PING_INTERVAL_MS}: Engine.IO heartbeat interval
 * @param pingTimeoutMs {@code SOCKETIO_PING_TIMEOUT_MS}: how long a pong may take
 * @param maxPayloadBytes {@code SOCKETIO_MAX_PAYLOAD_BYTES}: the largest polling body or WebSocket message a client
 *                        may send (ElizaOS's {@code maxHttpBufferSize}, 1 MB)
 * @param maxBufferedBytes {@code SOCKETIO_MAX_BUFFERED_BYTES}: how much may wait to be written to one client before
 *                         it is disconnected as too slow
 */
record RealtimeSettings(long pingIntervalMs, long pingTimeoutMs, int maxPayloadBytes, long maxBufferedBytes) {
    static final long PING_INTERVAL_MS = 25_000;
    static final long PING_TIMEOUT_MS = 20_000;
    static final int MAX_PAYLOAD_BYTES = 1_000_000;
    /**
     * 1 MiB: above the largest message a client accepts (1 MB), so one maximal event always fits, and several
     * thousand streamed reply chunks; a client that falls that far behind is not reading. A thousand stalled
     * clients cost at most 1 GiB, whereas an unbounded queue costs whatever the server sends them.
     */
    static final long MAX_BUFFERED_BYTES = 1L << 20;

    static RealtimeSettings from(Function<String, String> properties) {
        return new RealtimeSettings(
                positive(properties, "SOCKETIO_PING_INTERVAL_MS", PING_INTERVAL_MS),
                positive(properties, "SOCKETIO_PING_TIMEOUT_MS", PING_TIMEOUT_MS),
                (int) Math.min(Integer.MAX_VALUE - 8, positive(properties, "SOCKETIO_MAX_PAYLOAD_BYTES",
                        MAX_PAYLOAD_BYTES)),
                positive(properties, "SOCKETIO_MAX_BUFFERED_BYTES", MAX_BUFFERED_BYTES));
    }

    private static long positive(Function<String, String> properties, String key, long fallback) {
        String value = properties.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(key + " must be a positive whole number, not '" + value + "'");
    }
}
