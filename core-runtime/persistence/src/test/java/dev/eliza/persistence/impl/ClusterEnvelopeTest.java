package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterEnvelopeTest {
    @Test
    void aBodyWithSpacesAndNewlinesSurvivesTheRoundTrip() {
        ClusterEnvelope envelope = new ClusterEnvelope("node-1", 42, "realtime", false, "a b\nc @= ");
        assertThat(ClusterEnvelope.decode(envelope.encode())).contains(envelope);
        assertThat(ClusterEnvelope.decode(envelope.byReference(7).encode()).orElseThrow().rowId()).isEqualTo(7);
    }

    @Test
    void foreignPayloadsOnTheChannelAreIgnored() {
        assertThat(ClusterEnvelope.decode("hello")).isEmpty();
        assertThat(ClusterEnvelope.decode("n x t =body")).isEmpty();
        assertThat(ClusterEnvelope.decode("n 1 t ?body")).isEmpty();
    }

    @Test
    void theInlineLimitCountsBytesNotCharacters() {
        assertThat(new ClusterEnvelope("n", 1, "t", false, "é".repeat(3_960)).fitsInline()).isFalse();
        assertThat(new ClusterEnvelope("n", 1, "t", false, "e".repeat(3_960)).fitsInline()).isTrue();
    }

    @Test
    void topicsAreChecked() {
        assertThat(ClusterEnvelope.checkTopic("agents.memory-1")).isEqualTo("agents.memory-1");
        assertThatThrownBy(() -> ClusterEnvelope.checkTopic("Bad Topic")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLeaseMustOutlastTheHeartbeat() {
        assertThat(ClusterSettings.from(key -> null).lease().toMillis()).isEqualTo(ClusterSettings.LEASE_MS);
        assertThatThrownBy(() -> ClusterSettings.from(key -> key.equals("CLUSTER_LEASE_MS") ? "1000" : null))
                .hasMessageContaining("CLUSTER_LEASE_MS");
        assertThatThrownBy(() -> ClusterSettings.from(key -> "soon")).hasMessageContaining("CLUSTER_HEARTBEAT_MS");
    }
}
