package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PluginMetersTest {
    private final PluginMeters meters = new PluginMeters();
    private final SimpleMeterRegistry platform = new SimpleMeterRegistry();

    private double plugins(String state) {
        return platform.get(PluginMeters.NAME).tag("state", state).gauge().value();
    }

    @Test
    void pluginsAreCountedByTheirStateAtEachRead() {
        AtomicReference<List<PluginInfo>> now = new AtomicReference<>(List.of(
                new PluginInfo("hello", "1.0.0", "STARTED", List.of(), ""),
                new PluginInfo("events", "1.0.0", "STARTED", List.of(), ""),
                new PluginInfo("broken", "1.0.0", "FAILED", List.of(), "no class")));
        meters.plugins(now::get);
        meters.add(platform);

        assertThat(plugins("started")).isEqualTo(2);
        assertThat(plugins("failed")).isEqualTo(1);
        assertThat(plugins("disabled")).isZero();
        now.set(List.of(new PluginInfo("hello", "1.0.0", "DISABLED", List.of(), "")));
        assertThat(plugins("started")).isZero();
        assertThat(plugins("disabled")).isEqualTo(1);

        meters.remove(platform);
        assertThat(platform.getMeters()).isEmpty();
    }
}
