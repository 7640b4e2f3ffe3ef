package dev.eliza.messaging.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IsoTimeTest {
    private static final DateTimeFormatter JAVASCRIPT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesWhatToIsoStringWrites() {
        assertThat(IsoTime.format(Instant.parse("2026-11-23T16:49:06Z"))).isEqualTo("2026-11-23T16:49:06.000Z");
        assertThat(IsoTime.format(Instant.parse("2026-11-23T16:49:03.664Z"))).isEqualTo("2026-11-23T16:49:03.664Z");
        assertThat(IsoTime.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(IsoTime.format(Instant.parse("1969-12-31T23:59:59.999Z"))).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(IsoTime.format(Instant.parse("2028-02-29T05:06:07.089Z"))).isEqualTo("2028-02-29T05:06:07.089Z");
        assertThat(IsoTime.format(Instant.parse("0001-01-01T00:00:00.001Z"))).isEqualTo("0001-01-01T00:00:00.001Z");
    }

    @Test
    void dropsWhatIsFinerThanAMillisecondAsTheStoredTimesDo() {
        assertThat(IsoTime.format(Instant.parse("2026-11-23T16:49:03.664999Z"))).isEqualTo("2026-11-23T16:49:03.664Z");
    }

    @Test
    void agreesWithTheFormatterEverywhere() {
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("+12000-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(from, to));
            assertThat(IsoTime.format(instant)).as("%s", instant).isEqualTo(JAVASCRIPT.format(instant));
        }
    }
}
