package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading while the server broadcasts to its room is disconnected once more than
 * {@code SOCKETIO_MAX_BUFFERED_BYTES} wait for it, whether it stopped polling or stopped reading its WebSocket,
 * and what it was sent is dropped rather than kept; a client that reads gets every broadcast.
 */
class SocketIoSlowClientIT {
    private static final int BOUND = 256 * 1024;
    private static final int SHOUTS = 1_500;
    private static final String TEXT = "x".repeat(8_000);

    private static Path home;
    private static PlatformProcess platform;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("eliza-it-");
        PlatformProcess.install(home);
        // A key in conf/platform.properties can be set whatever the launcher passes on from the environment.
        Files.writeString(home.resolve("conf/platform.properties"), "\nSOCKETIO_MAX_BUFFERED_BYTES=" + BOUND + "\n",
                StandardOpenOption.APPEND);
        platform = PlatformProcess.start(home, Map.of());
        Http http = new Http(platform);
        ModuleJars.deploy(home.resolve("deploy"), "echo.jar", ModuleJars.echoProbeBundle());
        Awaits.until(Duration.ofSeconds(15), "probe bundle mounted", () -> http.get("/api/echo").status() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            platform.close();
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedAndTheOthersKeepReceiving() throws Exception {
        EngineIoClient client = new EngineIoClient(platform.port());
        EngineIoClient.Socket reader = client.websocket();
        reader.await("0{", 30);
        reader.send(EngineIoClient.connectPacket());
        reader.await("40{", 30);
        reader.send("421[\"probe:join\",\"flood\"]");
        reader.await("431[", 30);

        String poller = client.handshake();
        client.post(poller, EngineIoClient.connectPacket());
        pollUntil(client, poller, "40{");
        client.post(poller, "421[\"probe:join\",\"flood\"]");
        pollUntil(client, poller, "431[");

        try (RawWebSocket stalled = new RawWebSocket(platform.port(), "/socket.io/?EIO=4&transport=websocket")) {
            stalled.await("0{");
            stalled.send(EngineIoClient.connectPacket());
            stalled.await("40{");
            stalled.send("421[\"probe:join\",\"flood\"]");
            stalled.await("431[");

            AtomicInteger heard = new AtomicInteger();
            for (int i = 0; i < SHOUTS; i++) {
                reader.send("42[\"probe:shout\",{\"room\":\"flood\",\"text\":\"" + TEXT + "\"}]");
            }
            Awaits.until(Duration.ofSeconds(60), "the reading client hears every broadcast", () -> {
                while (reader.take("42[\"probe:shouted\"").isPresent()) {
                    heard.incrementAndGet();
                }
                return heard.get() >= SHOUTS;
            });
            Awaits.until(Duration.ofSeconds(10), "both stalled clients disconnected", () ->
                    platform.console().contains("Disconnecting Engine.IO session " + poller)
                            && platform.console().contains("Dropping WebSocket"));

            long sent = (long) SHOUTS * TEXT.length();
            long stalledGot = stalled.drain();
            // What it got is what the kernel's socket buffers held (up to 4 MiB with Linux defaults) and the bound.
            assertThat(stalledGot).as("the stalled WebSocket got a fraction, then its connection closed")
                    .isLessThan(sent / 2);
            long pollerGot = 0;
            for (int polls = 0; polls < 5; polls++) {
                var poll = client.poll(poller);
                if (poll.statusCode() == 400) {
                    break;
                }
                pollerGot += poll.body().length();
            }
            assertThat(pollerGot).as("the stalled poller gets no more than the bound").isLessThan(BOUND + 2 * TEXT.length());
            assertThat(client.poll(poller).statusCode()).as("the poller's session is gone").isEqualTo(400);
        }
        reader.send("421[\"probe:join\",\"after\"]");
        assertThat(reader.await("431[", 30)).contains("joined");
        reader.close();
    }

    private static void pollUntil(EngineIoClient client, String sid, String packet) throws Exception {
        StringBuilder seen = new StringBuilder();
        Awaits.until(Duration.ofSeconds(10), "packet " + packet, () -> {
            seen.append(client.poll(sid).body());
            return seen.toString().contains(packet);
        });
    }
}
