package dev.eliza.realtime.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SocketIoPacketTest {
    @Test
    void decodesEventsWithAndWithoutAckIds() {
        assertThat(SocketIoPacket.decode("2[\"1\",{\"channelId\":\"c\"}]")).contains(
                new SocketIoPacket(2, "/", -1, Optional.of("[\"1\",{\"channelId\":\"c\"}]")));
        assertThat(SocketIoPacket.decode("2117[\"probe:join\",\"r\"]").orElseThrow().ackId()).isEqualTo(117);
    }

    @Test
    void decodesConnectWithAuthAndNamespaces() {
        assertThat(SocketIoPacket.decode("0{\"entityId\":\"e\"}").orElseThrow().json())
                .contains("{\"entityId\":\"e\"}");
        assertThat(SocketIoPacket.decode("0").orElseThrow().json()).isEmpty();
        SocketIoPacket admin = SocketIoPacket.decode("2/admin,5[\"x\"]").orElseThrow();
        assertThat(admin.namespace()).isEqualTo("/admin");
        assertThat(admin.ackId()).isEqualTo(5);
        assertThat(SocketIoPacket.decode("1/admin").orElseThrow().namespace()).isEqualTo("/admin");
    }

    @Test
    void rejectsWhatIsNotASocketIoPacket() {
        assertThat(SocketIoPacket.decode("")).isEmpty();
        assertThat(SocketIoPacket.decode("x42")).isEmpty();
        assertThat(SocketIoPacket.decode("9[]")).isEmpty();
    }

    @Test
    void encodesInTheWireForm() {
        assertThat(SocketIoPacket.encode(SocketIoPacket.EVENT, -1, "[\"a\"]")).isEqualTo("2[\"a\"]");
        assertThat(SocketIoPacket.encode(SocketIoPacket.ACK, 12, "[1]")).isEqualTo("312[1]");
        assertThat(SocketIoPacket.encode(SocketIoPacket.DISCONNECT, -1, null)).isEqualTo("1");
    }
}
