package dev.eliza.realtime.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RealtimeSettingsTest {
    @Test
    void defaultsMatchElizaOsAndAMebibyteQueue() {
        RealtimeSettings settings = RealtimeSettings.from(key -> null);
        assertThat(settings).isEqualTo(new RealtimeSettings(25_000, 20_000, 1_000_000, 1_048_576));
    }

    @Test
    void readsEachKeyAndRefusesWhatIsNotAPositiveNumber() {
        RealtimeSettings settings = RealtimeSettings.from(Map.of("SOCKETIO_MAX_BUFFERED_BYTES", " 4096 ",
                "SOCKETIO_MAX_PAYLOAD_BYTES", "512", "SOCKETIO_PING_INTERVAL_MS", "400")::get);
        assertThat(settings).isEqualTo(new RealtimeSettings(400, 20_000, 512, 4096));
        assertThatThrownBy(() -> RealtimeSettings.from(Map.of("SOCKETIO_MAX_BUFFERED_BYTES", "lots")::get))
                .hasMessageContaining("SOCKETIO_MAX_BUFFERED_BYTES");
        assertThatThrownBy(() -> RealtimeSettings.from(Map.of("SOCKETIO_MAX_PAYLOAD_BYTES", "0")::get))
                .hasMessageContaining("SOCKETIO_MAX_PAYLOAD_BYTES");
    }
}
