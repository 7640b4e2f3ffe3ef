package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A third-party bundle contributes a WebSocket endpoint beside its REST route; both are served on the shared
 * server while the bundle runs, its connections close when it stops, and both come back when it starts.
 */
class WebSocketIT {
    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void aContributedEndpointComesAndGoesWithItsBundle() throws Exception {
        Http http = PLATFORM.http();
        ModuleJars.deploy(PLATFORM.home().resolve("deploy"), "echo.jar", ModuleJars.echoProbeBundle());
        Awaits.until(Duration.ofSeconds(15), "echo domain mounted", () -> http.get("/api/echo").status() == 200);

        Client first = Client.connect(uri());
        assertThat(first.echo("hi")).isEqualTo("echo: hi");

        assertThat(http.json("POST", "/api/server/modules/it.echo/stop", "").status()).isEqualTo(200);
        assertThat(first.closed.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThatThrownBy(() -> Client.connect(uri())).isNotNull();
        assertThat(http.get("/api/echo").status()).isEqualTo(404);

        assertThat(http.json("POST", "/api/server/modules/it.echo/start", "").status()).isEqualTo(200);
        assertThat(Client.connect(uri()).echo("again")).isEqualTo("echo: again");
    }

    private static URI uri() {
        return URI.create("ws://127.0.0.1:" + PLATFORM.process().port() + "/api/echo/ws");
    }

    /** A java.net.http WebSocket that queues the texts it receives and notes when it is closed. */
    private static final class Client implements WebSocket.Listener {
        private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private WebSocket socket;

        static Client connect(URI uri) throws Exception {
            Client client = new Client();
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, client)
                    .get(30, TimeUnit.SECONDS);
            return client;
        }

        String echo(String text) throws Exception {
            socket.sendText(text, true).get(30, TimeUnit.SECONDS);
            return texts.poll(30, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            texts.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
