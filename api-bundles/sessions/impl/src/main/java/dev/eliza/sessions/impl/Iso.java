package dev.eliza.sessions.impl;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** JavaScript's {@code Date.toISOString()}, the shape of every time in the sessions API: always milliseconds. */
final class Iso {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Iso() {
    }

    static String of(Instant instant) {
        return FORMAT.format(instant);
    }
}
