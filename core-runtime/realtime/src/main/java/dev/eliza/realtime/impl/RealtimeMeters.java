package dev.eliza.realtime.impl;

import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Socket.IO's meters: connected sockets, and client events received by name (a name no handler serves counts as
 * {@code other}, so clients cannot mint series). Recorded into this bundle's composite, which the platform
 * registry joins while the metrics bundle runs.
 */
final class RealtimeMeters {
    static final String CONNECTIONS = "eliza.socketio.connections";
    static final String EVENTS = "eliza.socketio.events";
    static final String OTHER = "other";

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

    void add(MeterRegistry platform) {
        registry.add(platform);
    }

    void remove(MeterRegistry platform) {
        registry.remove(platform);
        // the platform registry keeps what a composite gave it; this bundle's next start registers its own
        registry.getMeters().forEach(meter -> platform.remove(meter.getId()));
    }

    void connections(IntSupplier connected) {
        Gauge.builder(CONNECTIONS, connected, IntSupplier::getAsInt).description("Connected Socket.IO sockets")
                .strongReference(true).register(registry);
    }

    void event(String name) {
        Counter.builder(EVENTS).description("Socket.IO events received from clients, by event name")
                .tag("event", name).register(registry).increment();
    }
}
