package dev.eliza.rooms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class ElizaIdsTest {
    private static final UUID AGENT = UUID.fromString("ba201732-6d0d-0ac4-860a-7d7ab0a712eb");

    @Test
    void anAgentsIdIsTheIdOfItsName() {
        assertThat(ElizaIds.fromText("PeerAgent")).isEqualTo(AGENT);
    }

    @Test
    void theRoomOfAChannelIsTheOneTheRealServerDerived() {
        UUID channel = UUID.fromString("ec1de6fe-4464-47cb-b52e-e2d46c05207e");
        assertThat(ElizaIds.unique(channel, AGENT)).isEqualTo(UUID.fromString("3f930088-5e99-04c0-85d7-74a6aa5b43fd"));
    }

    @Test
    void theWorldOfTheDefaultServerIsTheOneTheRealServerDerived() {
        assertThat(ElizaIds.unique(new UUID(0, 0), AGENT))
                .isEqualTo(UUID.fromString("2fd3c560-f6af-0913-bdc3-4b9fe82f0b12"));
    }

    @Test
    void theAgentsOwnIdStaysItself() {
        assertThat(ElizaIds.unique(AGENT, AGENT)).isEqualTo(AGENT);
    }

    @Test
    void textIsUriEncodedAsJavaScriptDoesBeforeHashing() {
        // the expected ids were computed by @elizaos/core's algorithm in Node (sha1 of encodeURIComponent)
        assertThat(ElizaIds.fromText("é ü")).isEqualTo(UUID.fromString("40574ebf-552c-07c1-ae3b-6e58f721d7e4"));
        assertThat(ElizaIds.fromText("a b~(c)*!")).isEqualTo(UUID.fromString("e3b6137a-68c2-095a-9eec-b47b006d8e5a"));
    }
}
