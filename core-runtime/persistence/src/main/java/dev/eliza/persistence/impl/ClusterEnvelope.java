package dev.eliza.persistence.impl;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One cluster message as a NOTIFY payload: {@code <origin> <sequence> <topic> <kind><body>}, kind {@code =} for a
 * body carried inline and {@code @} for the id of its {@code cluster_payloads} row. The sequence number is per origin
 * node: PostgreSQL folds identical payloads sent in one transaction into one, and a receiver sees gaps by it.
 *
 * @param body the body itself, or the row id when {@code byReference}
 */
record ClusterEnvelope(String origin, long sequence, String topic, boolean byReference, String body) {
    /**
     * PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; the margin leaves room for the channel name and
     * the server's own framing.
     */
    static final int MAX_INLINE_BYTES = 7_900;
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9.-]+");

    static String checkTopic(String topic) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("A cluster topic is lowercase letters, digits, dots and dashes, not '"
                    + topic + "'");
        }
        return topic;
    }

    String encode() {
        return origin + ' ' + sequence + ' ' + topic + ' ' + (byReference ? '@' : '=') + body;
    }

    boolean fitsInline() {
        return encode().getBytes(StandardCharsets.UTF_8).length <= MAX_INLINE_BYTES;
    }

    ClusterEnvelope byReference(long rowId) {
        return new ClusterEnvelope(origin, sequence, topic, true, Long.toString(rowId));
    }

    long rowId() {
        return Long.parseLong(body);
    }

    /** The envelope of a notification; empty for a payload this format does not describe (not ours). */
    static Optional<ClusterEnvelope> decode(String payload) {
        int first = payload.indexOf(' ');
        int second = first < 0 ? -1 : payload.indexOf(' ', first + 1);
        int third = second < 0 ? -1 : payload.indexOf(' ', second + 1);
        if (third < 0 || third + 1 >= payload.length()) {
            return Optional.empty();
        }
        char kind = payload.charAt(third + 1);
        if (kind != '=' && kind != '@') {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClusterEnvelope(payload.substring(0, first),
                    Long.parseLong(payload.substring(first + 1, second)), payload.substring(second + 1, third),
                    kind == '@', payload.substring(third + 2)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
