package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * With {@code ELIZA_SERVER_AUTH_TOKEN} set, every path needs the key; health, the Socket.IO handshake (which checks
 * keys itself) and preflights do not.
 */
class AuthIT {
    private static final String KEY = "it-secret-key";
    private static final String UNAUTHORIZED =
            "{\"error\":\"API key required\",\"message\":\"Missing or invalid X-API-KEY header\"}";

    @RegisterExtension
    static final PlatformExtension PLATFORM =
            new PlatformExtension(PlatformProcess.env("ELIZA_SERVER_AUTH_TOKEN", KEY), KEY);
    static PlatformProcess platform;
    static Http anonymous;
    static Http authorised;

    @BeforeAll
    static void clients() {
        platform = PLATFORM.process();
        anonymous = new Http(platform);
        authorised = PLATFORM.http();
    }

    @Test
    void apiRoutesRefuseMissingOrWrongKeys() throws Exception {
        Http.Reply missing = anonymous.get("/api/agents");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo(UNAUTHORIZED);
        Http.Reply wrong = new Http(platform, "wrong").get("/api/agents");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(anonymous.get("/api/server/modules").status()).isEqualTo(401);
        assertThat(anonymous.json("POST", "/api/server/modules/agents/restart", "").status()).isEqualTo(401);
        assertThat(anonymous.json("POST", "/api/stop", "{}").status()).isEqualTo(401);
    }

    @Test
    void everyMountedRouteExceptTheOpenOnesRefusesARequestWithoutTheKey() throws Exception {
        java.util.Set<String> open = Set.of("/healthz", "/health", "/socket.io", "/");
        List<String> checked = new ArrayList<>();
        for (JsonNode route
                : authorised.get("/api/server/routes").json().path("data").path("routes")) {
            String prefix = route.path("path").asText();
            String path = prefix.replace("$", "").replace("*", "x1");
            if (open.contains(prefix)) {
                continue;
            }
            for (String method : new String[] {"GET", "POST", "DELETE"}) {
                Http.Reply reply = anonymous.send(anonymous.builder(path + "?agentId=" + UUID.randomUUID())
                        .method(method, HttpRequest.BodyPublishers.noBody()));
                assertThat(reply.status()).as(method + " " + path + " (" + route + ")").isEqualTo(401);
                assertThat(reply.body()).isEqualTo(UNAUTHORIZED);
            }
            checked.add(prefix);
        }
        assertThat(checked).as("the plugins' query-form agent route is checked too")
                .contains("/api/agents", "/api/plugins$", "/api/server/modules", "/hello");
        assertThat(anonymous.get("/api/no/such/path").status()).as("the web client never opens /api")
                .isEqualTo(401);
    }

    @Test
    void theWebClientsFilesNeedNoKey() throws Exception {
        Http.Reply app = anonymous.get("/chat/some-agent/some-channel");
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.header("Content-Type")).startsWith("text/html");
        assertThat(app.body()).contains("<div id=\"root\"></div>");
    }

    @Test
    void theRightKeyIsAccepted() throws Exception {
        assertThat(authorised.get("/api/agents").status()).isEqualTo(200);
        assertThat(authorised.get("/api/system/config").body())
                .isEqualTo("{\"success\":true,\"data\":{\"requiresAuth\":true}}");
    }

    @Test
    void healthAndPreflightNeedNoKey() throws Exception {
        assertThat(anonymous.get("/healthz").status()).isEqualTo(200);
        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        Http.Reply preflight = anonymous.send(anonymous.builder("/api/agents").header("Origin", "http://web.test")
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.status()).isNotEqualTo(401);
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("X-API-KEY");
    }
}
