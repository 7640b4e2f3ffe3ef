package dev.eliza.realtime.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;

/**
 * A long-poll that reaches the Engine.IO library while another thread closes its session, on a real Jetty. The
 * interleaving is forced: the close waits, inside the library's close event and holding the session's lock, until
 * the poll is blocked on that lock, so the library then parks the poll on the closed transport.
 */
class PollOnClosingSessionTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<EngineIoSocket> library = new AtomicReference<>();
    private final AtomicReference<Runnable> onClose = new AtomicReference<>(() -> { });
    private EngineSessions sessions;
    private EngineIoServer engine;
    private Server server;
    private String base;

    @BeforeEach
    void startServer() throws Exception {
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        options.setPingInterval(60_000);
        options.setPingTimeout(60_000);
        options.setCorsHandlingDisabled(true);
        engine = new EngineIoServer(options);
        sessions = new EngineSessions();
        engine.on("connection", args -> {
            EngineIoSocket socket = (EngineIoSocket) args[0];
            socket.on("close", (source, closeArgs) -> onClose.get().run());
            sessions.track(socket);
            library.set(socket);
        });
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder holder = new ServletHolder(new EngineIoServlet(engine, sessions, 100_000));
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/socket.io/*");
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/socket.io/?EIO=4&transport=polling";
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
        engine.shutdown();
    }

    @Test
    void aPollThatLosesTheRaceWithTheCloseIsAnsweredWithAClosePacket() throws Exception {
        String sid = handshake();
        CompletableFuture<HttpResponse<String>> waiting = poll(sid);
        EngineSession session = sessions.find(sid).orElseThrow();
        awaitCondition(session::pollWaiting, "the first poll waits");

        AtomicReference<CompletableFuture<HttpResponse<String>>> late = new AtomicReference<>();
        onClose.set(() -> {
            late.set(poll(sid));
            awaitCondition(PollOnClosingSessionTest::aPollIsBlockedOnTheSessionLock, "the late poll waits for the lock");
        });
        library.get().close();

        // the library may flush a noop ("6") it queued for the late poll's arrival ahead of the close, in one payload
        List<String> first = List.of(waiting.get(10, TimeUnit.SECONDS).body().split("\u001e"));
        assertThat(first.get(first.size() - 1)).isEqualTo(ParkedPoll.CLOSE_PACKET);
        assertThat(first.subList(0, first.size() - 1)).allMatch("6"::equals);
        HttpResponse<String> answer = late.get().get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(ParkedPoll.CLOSE_PACKET);
        assertThat(sessions.find(sid)).isEmpty();
    }

    @Test
    void aPollOnAnOpenSessionIsLeftToTheLibrary() throws Exception {
        String sid = handshake();
        CompletableFuture<HttpResponse<String>> waiting = poll(sid);
        EngineSession session = sessions.find(sid).orElseThrow();
        awaitCondition(session::pollWaiting, "the poll waits");
        assertThat(waiting).isNotDone();

        library.get().send(new io.socket.engineio.server.parser.Packet<>(
                io.socket.engineio.server.parser.Packet.MESSAGE, "hello"));

        assertThat(waiting.get(10, TimeUnit.SECONDS).body()).isEqualTo("4hello");
        assertThat(session.pollWaiting()).isFalse();
    }

    private String handshake() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).startsWith("0{");
        return body.replaceAll(".*\"sid\": *\"([^\"]+)\".*", "$1");
    }

    private CompletableFuture<HttpResponse<String>> poll(String sid) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "&sid=" + sid))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean aPollIsBlockedOnTheSessionLock() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getState() == Thread.State.BLOCKED)
                .anyMatch(thread -> Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getClassName()
                        .equals("io.socket.engineio.server.transport.Polling")
                        && frame.getMethodName().equals("onRequest")));
    }

    private static void awaitCondition(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
