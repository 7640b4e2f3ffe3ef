package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Engine.IO protocol mistakes at {@code /socket.io/} answer 400 with the reference server's
 * {@code {"code","message"}} (413 for an oversized body), close the session where the reference does, and leave
 * every other session working.
 */
class SocketIoProtocolErrorsIT {
    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    private final EngineIoClient client = new EngineIoClient(PLATFORM.process().port());

    @Test
    void aMalformedHandshakeAnswersTheEngineIoError() throws Exception {
        assertError(client.get(null), 400, 0, "Transport unknown");
        assertError(client.get("EIO=4&transport=tobi"), 400, 0, "Transport unknown");
        assertError(client.get("transport=polling"), 400, 5, "Unsupported protocol version");
        assertError(client.get("EIO=3&transport=polling"), 400, 5, "Unsupported protocol version");
        assertError(client.get("EIO=4&transport=websocket"), 400, 3, "Bad request");
        RawHttp.Reply badEscape = new RawHttp(PLATFORM.process().port()).send("GET",
                "/socket.io/?EIO=4&transport=polling&t=%zz", null, new byte[0], false);
        assertThat(badEscape.status()).isEqualTo(400);
        assertThat(badEscape.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
        assertError(client.get("EIO=4&transport=polling&sid=nope"), 400, 1, "Session ID unknown");
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            assertError(client.send(method, "EIO=4&transport=polling", BodyPublishers.ofString("40")), 400, 2,
                    "Bad handshake method");
        }
    }

    @Test
    void aBadUpgradeIsRefusedBeforeTheUpgrade() throws Exception {
        assertThat(upgradeStatus("EIO=4&transport=websocket&sid=nope")).isEqualTo(400);
        assertThat(upgradeStatus("EIO=3&transport=websocket")).isEqualTo(400);
        assertThat(upgradeStatus("EIO=4&transport=polling")).isEqualTo(400);
        String sid = client.handshake();
        assertThat(upgradeStatus("transport=websocket&sid=" + sid)).isEqualTo(400);
    }

    @Test
    void otherMethodsOnASessionAreBadRequestsAndTheSessionLives() throws Exception {
        String sid = client.handshake();
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "OPTIONS"}) {
            assertError(client.send(method, "EIO=4&transport=polling&sid=" + sid, BodyPublishers.ofString("40")),
                    400, 3, "Bad request");
        }
        assertConnects(sid);
    }

    @Test
    void aBodyThatIsNotEngineIoClosesTheSession() throws Exception {
        for (String garbage : new String[] {"", "x42", "9", "\u001e", "b!!!", "4ok\u001e7", "4ok\u001e\u001e4"}) {
            String sid = client.handshake();
            assertError(client.post(sid, garbage), 400, 3, "Bad request");
            assertClosed(sid);
        }
    }

    @Test
    void anOversizedBodyIs413AndTheSessionLives() throws Exception {
        String sid = client.handshake();
        String big = "4" + "x".repeat(1_000_000);
        assertError(client.post(sid, big), 413, 3, "Payload too large");
        HttpResponse<String> chunked = client.send("POST", "EIO=4&transport=polling&sid=" + sid,
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())));
        assertError(chunked, 413, 3, "Payload too large");
        assertConnects(sid);
    }

    @Test
    void aSecondWaitingPollIsABadRequestAndClosesTheSession() throws Exception {
        String sid = client.handshake();
        List<CompletableFuture<HttpResponse<String>>> polls = List.of(pollAsync(sid), pollAsync(sid));
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            answers.add(poll.get(15, TimeUnit.SECONDS));
        }
        answers.sort(Comparator.comparingInt(HttpResponse::statusCode));
        assertThat(answers.get(0).statusCode()).as("the waiting poll ends").isEqualTo(200);
        assertError(answers.get(1), 400, 3, "Bad request");
        assertClosed(sid);
    }

    private CompletableFuture<HttpResponse<String>> pollAsync(String sid) {
        return client.http().sendAsync(HttpRequest.newBuilder(client.uri("http", "EIO=4&transport=polling&sid=" + sid))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void malformedSocketIoPacketsAreIgnoredAndTheSessionStillConnects() throws Exception {
        String sid = client.handshake();
        for (String packet : new String[] {"4", "4garbage", "4{", "42[\"x\"", "42{}", "45-1[]", "40/admin,", "43x",
                "42[1,2]", "4" + "9".repeat(30), "41/nope,"}) {
            HttpResponse<String> answer = client.post(sid, packet);
            assertThat(answer.statusCode()).as(packet).isEqualTo(200);
        }
        assertThat(client.poll(sid).body()).contains("44/admin,{\"message\":\"Invalid namespace\"}");
        assertConnects(sid);

        EngineIoClient.Socket socket = client.websocket();
        assertThat(socket.next(5)).startsWith("0{");
        for (String packet : new String[] {"4garbage", "42[", "4" + "1".repeat(40), "40/x,{}", "5", "6"}) {
            socket.send(packet);
        }
        socket.send(EngineIoClient.connectPacket());
        assertThat(socket.await("40{\"sid\"", 30)).isNotNull();
        socket.send("zzz");
        Awaits.until(Duration.ofSeconds(30), "a frame that is not Engine.IO closes the connection",
                () -> socket.closeCode() == 1002);
    }

    /** CONNECT on a session, then its greeting: the session was not harmed. */
    private void assertConnects(String sid) throws Exception {
        assertThat(client.post(sid, EngineIoClient.connectPacket()).statusCode()).isEqualTo(200);
        StringBuilder seen = new StringBuilder();
        Awaits.until(Duration.ofSeconds(10), "the session answers CONNECT", () -> {
            seen.append(client.poll(sid).body());
            return seen.toString().contains("authenticated");
        });
        assertThat(seen.toString()).contains("40{\"sid\"");
    }

    private void assertClosed(String sid) throws Exception {
        Awaits.until(Duration.ofSeconds(10), "session " + sid + " closed", () -> {
            HttpResponse<String> poll = client.poll(sid);
            assertThat(poll.statusCode()).isIn(200, 400);
            return poll.statusCode() == 400 && poll.body().contains("\"code\":1");
        });
    }

    private int upgradeStatus(String query) throws Exception {
        try {
            client.http().newWebSocketBuilder().buildAsync(client.uri("ws", query), new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS).abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    static void assertError(HttpResponse<String> response, int status, int code, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = Http.JSON.readTree(response.body());
        assertThat(body.path("code").asInt(-1)).as(response.body()).isEqualTo(code);
        assertThat(body.path("message").asText()).isEqualTo(message);
    }
}
