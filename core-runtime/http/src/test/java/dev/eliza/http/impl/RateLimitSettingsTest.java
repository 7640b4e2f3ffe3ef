package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RateLimitSettingsTest {

    @Test
    void defaultsAreElizaOs172s() {
        RateLimitSettings settings = RateLimitSettings.from(key -> null);
        assertThat(settings).isEqualTo(new RateLimitSettings(true, 1000, Duration.ofSeconds(900), List.of(), 100_000));
    }

    @Test
    void readsEveryKey() {
        Map<String, String> properties = Map.of("RATE_LIMIT_ENABLED", "FALSE", "RATE_LIMIT_MAX", "5",
                "RATE_LIMIT_WINDOW_MS", "2500", "RATE_LIMIT_TRUSTED", " 10.0.0.0/8 , fd00::/8,192.168.1.7,,",
                "RATE_LIMIT_MAX_CLIENTS", "42");
        assertThat(RateLimitSettings.from(properties::get)).isEqualTo(new RateLimitSettings(false, 5,
                Duration.ofMillis(2500), List.of("10.0.0.0/8", "fd00::/8", "192.168.1.7"), 42));
        assertThat(RateLimitSettings.from(Map.of("RATE_LIMIT_TRUSTED", "10.0.0.1-10.0.0.9")::get).trusted())
                .containsExactly("10.0.0.1-10.0.0.9");
    }

    @Test
    void trustedEntriesMustBeLiteralAddressesNeverHostNames() {
        for (String entry : new String[] {"example.com", "cafe.bad", "10.0.0.0/x", "10.0.0/8", "1.2.3.4/8/9",
            "10.0.0.0/33", ":::::", "999.1.1.1"}) {
            assertThatThrownBy(() -> RateLimitSettings.from(Map.of("RATE_LIMIT_TRUSTED", entry)::get))
                    .as(entry).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RATE_LIMIT_TRUSTED")
                    .hasMessageContaining(entry);
        }
    }

    @Test
    void badValuesAreRefusedNamingTheirKey() {
        Map<String, String> bad = Map.of("RATE_LIMIT_MAX", "0", "RATE_LIMIT_WINDOW_MS", "-1",
                "RATE_LIMIT_MAX_CLIENTS", "lots", "RATE_LIMIT_ENABLED", "off");
        bad.forEach((key, value) -> assertThatThrownBy(() -> RateLimitSettings.from(Map.of(key, value)::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(key + ": '" + value + "'"));
        assertThatThrownBy(() -> RateLimitSettings.from(Map.of("RATE_LIMIT_MAX", "99999999999")::get))
                .hasMessageContaining("from 1 to");
    }
}
