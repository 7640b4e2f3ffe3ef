package dev.eliza.realtime.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class EngineIoRequestCheckTest {
    private static final Optional<EngineSession> NONE = Optional.empty();
    private static final Optional<EngineSession> POLLING = Optional.of(new EngineSession("polling", () -> { }));
    private static final Optional<EngineSession> WEBSOCKET = Optional.of(new EngineSession("websocket", () -> { }));

    @Test
    void aHandshakeNeedsGetPollingAndProtocolFour() {
        assertThat(check("GET", "EIO=4&transport=polling", false, NONE)).isEmpty();
        assertThat(check("GET", "EIO=4&transport=websocket", true, NONE)).isEmpty();
        assertThat(check("GET", null, false, NONE)).contains(EngineIoError.UNKNOWN_TRANSPORT);
        assertThat(check("GET", "EIO=4&transport=tobi", false, NONE)).contains(EngineIoError.UNKNOWN_TRANSPORT);
        assertThat(check("GET", "transport=polling", false, NONE)).contains(EngineIoError.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(check("GET", "EIO=3&transport=polling", false, NONE))
                .contains(EngineIoError.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(check("POST", "EIO=4&transport=polling", false, NONE)).contains(EngineIoError.BAD_HANDSHAKE_METHOD);
        assertThat(check("PUT", "EIO=4&transport=polling", false, NONE)).contains(EngineIoError.BAD_HANDSHAKE_METHOD);
        assertThat(check("GET", "EIO=4&transport=websocket", false, NONE)).contains(EngineIoError.BAD_REQUEST);
        assertThat(check("GET", "EIO=4&transport=polling", true, NONE)).contains(EngineIoError.BAD_REQUEST);
    }

    @Test
    void aSessionRequestNeedsAKnownSidOnItsTransport() {
        assertThat(check("GET", "EIO=4&transport=polling&sid=x", false, NONE)).contains(EngineIoError.UNKNOWN_SID);
        assertThat(check("POST", "EIO=4&transport=polling&sid=x", false, POLLING)).isEmpty();
        assertThat(check("GET", "transport=polling&sid=x", false, POLLING)).isEmpty();
        assertThat(check("GET", "EIO=4&transport=polling&sid=x", false, WEBSOCKET)).contains(EngineIoError.BAD_REQUEST);
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"}) {
            assertThat(check(method, "EIO=4&transport=polling&sid=x", false, POLLING))
                    .contains(EngineIoError.BAD_REQUEST);
        }
    }

    @Test
    void onlyAPollingSessionUpgradesAndOnlyOnProtocolFour() {
        assertThat(check("GET", "EIO=4&transport=websocket&sid=x", true, POLLING)).isEmpty();
        assertThat(check("GET", "EIO=4&transport=websocket&sid=x", true, NONE)).contains(EngineIoError.UNKNOWN_SID);
        assertThat(check("GET", "EIO=4&transport=websocket&sid=x", true, WEBSOCKET))
                .contains(EngineIoError.BAD_REQUEST);
        assertThat(check("GET", "transport=websocket&sid=x", true, POLLING)).contains(EngineIoError.BAD_REQUEST);
    }

    @Test
    void aQueryThatCannotBeReadIsABadRequest() {
        assertThat(check("GET", "EIO=4&transport=polling&t=%zz", false, NONE)).contains(EngineIoError.BAD_REQUEST);
        assertThat(check("GET", "EIO=4&EIO=3&transport=polling", false, NONE)).contains(EngineIoError.BAD_REQUEST);
        assertThat(check("GET", "EIO=4&transport=polling&t=1&t=2&&=", false, NONE)).isEmpty();
    }

    @Test
    void theLibrarySeesOneEncodedValuePerKeyAndNoJsonp() {
        EngineIoQuery query = EngineIoQuery.parse("EIO=4&transport=polling&t=a%3Db&t=2&j=0&&=x");
        assertThat(query.canonical().split("&")).containsExactlyInAnyOrder("EIO=4", "transport=polling", "t=a%3Db");
        assertThat(EngineIoQuery.parse(null).values()).isEmpty();
    }

    private static Optional<EngineIoError> check(String method, String query, boolean upgrade,
                                                 Optional<EngineSession> session) {
        return EngineIoRequestCheck.check(method, EngineIoQuery.parse(query), upgrade, session);
    }
}
