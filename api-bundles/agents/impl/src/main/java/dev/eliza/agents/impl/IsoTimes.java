package dev.eliza.agents.impl;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as JavaScript's {@code toISOString()} writes them: always milliseconds, always {@code Z}. */
final class IsoTimes {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private IsoTimes() {
    }

    static String format(Instant time) {
        return ISO.format(time);
    }
}
