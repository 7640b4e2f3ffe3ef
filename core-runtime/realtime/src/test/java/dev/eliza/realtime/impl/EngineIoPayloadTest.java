package dev.eliza.realtime.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineIoPayloadTest {
    @Test
    void acceptsWhatTheLibraryDecodes() {
        assertThat(EngineIoPayload.isValidPayload("40{\"entityId\":\"e\"}")).isTrue();
        assertThat(EngineIoPayload.isValidPayload("3\u001e42[\"a\"]\u001e6")).isTrue();
        assertThat(EngineIoPayload.isValidPayload("4x\u001e")).isTrue();
        assertThat(EngineIoPayload.isValidPayload("bAAEC")).isTrue();
    }

    @Test
    void refusesWhatTheLibraryWouldThrowOn() {
        assertThat(EngineIoPayload.isValidPayload("")).isFalse();
        assertThat(EngineIoPayload.isValidPayload("\u001e")).isFalse();
        assertThat(EngineIoPayload.isValidPayload("\u001e4x")).isFalse();
        assertThat(EngineIoPayload.isValidPayload("x42")).isFalse();
        assertThat(EngineIoPayload.isValidPayload("9")).isFalse();
        assertThat(EngineIoPayload.isValidPayload("4ok\u001e7")).isFalse();
        assertThat(EngineIoPayload.isValidPayload("b!!!")).isFalse();
        assertThat(EngineIoPayload.isValidPacket("")).isFalse();
    }
}
