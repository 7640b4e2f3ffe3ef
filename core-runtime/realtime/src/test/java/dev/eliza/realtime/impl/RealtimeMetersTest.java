package dev.eliza.realtime.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RealtimeMetersTest {
    private final RealtimeMeters meters = new RealtimeMeters();
    private final SimpleMeterRegistry platform = new SimpleMeterRegistry();

    @Test
    void connectionsAreReadAtEachScrapeAndEventsCountedByName() {
        AtomicInteger connected = new AtomicInteger(2);
        meters.connections(connected::get);
        meters.add(platform);
        meters.event("message");
        meters.event("message");
        meters.event(RealtimeMeters.OTHER);

        assertThat(platform.get(RealtimeMeters.CONNECTIONS).gauge().value()).isEqualTo(2);
        connected.set(5);
        assertThat(platform.get(RealtimeMeters.CONNECTIONS).gauge().value()).isEqualTo(5);
        assertThat(platform.get(RealtimeMeters.EVENTS).tag("event", "message").counter().count()).isEqualTo(2);
        assertThat(platform.get(RealtimeMeters.EVENTS).tag("event", "other").counter().count()).isEqualTo(1);
    }

    @Test
    void theBundlesMetersLeaveTheRegistryWithIt() {
        meters.add(platform);
        meters.connections(() -> 1);
        meters.event("message");
        meters.remove(platform);
        assertThat(platform.getMeters()).isEmpty();
    }
}
