package dev.eliza.messaging.impl;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * JavaScript's {@code Date.toISOString()} ({@code 2026-11-23T16:49:03.664Z}, always three fraction digits), written
 * digit by digit: a page of 50 messages has 100 of them, and through {@link DateTimeFormatter} they were an eighth
 * of the page's CPU.
 */
final class IsoTime {
    /** The same text for years outside 0000-9999, which the digit writer does not cover. */
    private static final DateTimeFormatter FALLBACK =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private IsoTime() {
    }

    static String format(Instant instant) {
        long millis = instant.toEpochMilli();
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return FALLBACK.format(instant);
        }
        char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(text, 0, 4, time.getYear());
        digits(text, 5, 2, time.getMonthValue());
        digits(text, 8, 2, time.getDayOfMonth());
        digits(text, 11, 2, time.getHour());
        digits(text, 14, 2, time.getMinute());
        digits(text, 17, 2, time.getSecond());
        digits(text, 20, 3, (int) Math.floorMod(millis, 1000));
        return new String(text);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
