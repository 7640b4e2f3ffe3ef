package dev.eliza.realtime.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class EventFramesTest {
    private final EventFrames frames = new EventFrames(new ObjectMapper());

    @Test
    void aConnectErrorNamesItsNamespaceUnlessDefault() {
        assertThat(frames.connectError("/", "Valid entityId required"))
                .isEqualTo("4{\"message\":\"Valid entityId required\"}");
        assertThat(frames.connectError("/admin", "Invalid namespace"))
                .isEqualTo("4/admin,{\"message\":\"Invalid namespace\"}");
    }
}
