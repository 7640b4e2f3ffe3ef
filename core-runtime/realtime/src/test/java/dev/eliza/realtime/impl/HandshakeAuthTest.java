package dev.eliza.realtime.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class HandshakeAuthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTITY = "8aa4f721-290c-4222-94d2-853821f8809a";

    @Test
    void anEntityIdIsAlwaysRequired() throws Exception {
        HandshakeAuth open = HandshakeAuth.from(key -> null);
        assertThat(open.check(auth("{}"), Map.of()).refusal()).isEqualTo(HandshakeAuth.BAD_ENTITY);
        assertThat(open.check(auth("{\"entityId\":\"not-a-uuid\"}"), Map.of()).refusal())
                .isEqualTo(HandshakeAuth.BAD_ENTITY);
        assertThat(open.check(auth("{\"entityId\":\"" + ENTITY + "\"}"), Map.of()).entityId())
                .hasValueSatisfying(id -> assertThat(id.toString()).isEqualTo(ENTITY));
    }

    @Test
    void everyConfiguredKeyMustBePresented() throws Exception {
        HandshakeAuth both = HandshakeAuth.from(
                Map.of("SERVER_API_KEY", "socket", "ELIZA_SERVER_AUTH_TOKEN", "rest")::get);
        JsonNode socketOnly = auth("{\"entityId\":\"" + ENTITY + "\",\"apiKey\":\"socket\"}");
        assertThat(both.check(socketOnly, Map.of()).refusal()).isEqualTo(HandshakeAuth.BAD_KEY);
        assertThat(both.check(socketOnly, Map.of("X-API-KEY", List.of("rest"))).entityId()).isPresent();
        HandshakeAuth rest = HandshakeAuth.from(Map.of("ELIZA_SERVER_AUTH_TOKEN", "rest")::get);
        assertThat(rest.check(auth("{\"entityId\":\"" + ENTITY + "\",\"apiKey\":\"rest\"}"), Map.of()).entityId())
                .isPresent();
        assertThat(rest.check(auth("{\"entityId\":\"" + ENTITY + "\",\"apiKey\":\"nope\"}"), Map.of()).refusal())
                .isEqualTo(HandshakeAuth.BAD_KEY);
    }

    @Test
    void theDocumentedAuthTokenIsAcceptedAsTheKey() throws Exception {
        HandshakeAuth keyed = HandshakeAuth.from(Map.of("SERVER_API_KEY", "secret")::get);
        assertThat(keyed.check(auth("{\"entityId\":\"" + ENTITY + "\",\"token\":\"secret\"}"), Map.of())
                .entityId()).isPresent();
        assertThat(keyed.check(auth("{\"entityId\":\"" + ENTITY + "\",\"token\":\"wrong\"}"), Map.of())
                .refusal()).isEqualTo(HandshakeAuth.BAD_KEY);
        assertThat(keyed.check(auth("{\"entityId\":\"" + ENTITY + "\",\"token\":7}"), Map.of()).refusal())
                .isEqualTo(HandshakeAuth.BAD_KEY);
    }

    private static JsonNode auth(String json) throws Exception {
        return JSON.readTree(json);
    }
}
