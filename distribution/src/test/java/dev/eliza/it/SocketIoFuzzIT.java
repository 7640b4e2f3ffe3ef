package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 2,400 malformed or random requests to {@code /socket.io/} ({@link SocketIoFuzzer}, fixed seed): none may answer
 * 5xx or hang, and a normal Socket.IO connection works afterwards over polling and WebSocket. Then 1,000 malformed
 * frames over open WebSockets ({@link WebSocketFrameFuzzer}): the server may close a connection that breaks the
 * protocol (the fuzz opens another), but nothing it sends back may leak an internal name, and it still serves. The
 * heartbeat is short so that long-polls on the fuzzer's sessions end quickly.
 */
class SocketIoFuzzIT {
    private static final int REQUESTS = 2_400;
    private static final int FRAMES = 1_000;
    private static final List<String> LEAKS = List.of("dev.eliza.", "java.lang.", "org.eclipse.", "Exception",
            "\tat ");
    private static final long SEED = 20_261_201L;

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env(
            "SOCKETIO_PING_INTERVAL_MS", "500", "SOCKETIO_PING_TIMEOUT_MS", "500"));

    private final EngineIoClient client = new EngineIoClient(PLATFORM.process().port());

    @Test
    void noRandomRequestAnswers5xxAndTheServerStillServes() throws Exception {
        SocketIoFuzzer.Outcome outcome = new SocketIoFuzzer(PLATFORM.process().port(), client.handshake())
                .run(SEED, REQUESTS);
        System.out.println("Fuzz statuses: " + outcome.statuses());
        assertThat(outcome.failures()).as("requests answered 5xx, failed or hung").isEmpty();
        assertThat(outcome.statuses().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        assertThat(outcome.statuses()).as("the fuzz reached both errors and successes").containsKeys(200, 400);

        String sid = client.handshake();
        assertThat(client.post(sid, EngineIoClient.connectPacket()).statusCode()).isEqualTo(200);
        StringBuilder polled = new StringBuilder();
        Awaits.until(Duration.ofSeconds(10), "a polling client is greeted", () -> {
            polled.append(client.poll(sid).body());
            return polled.toString().contains("connection_established");
        });
        assertAWebSocketClientIsGreeted();
    }

    @Test
    void malformedWebSocketFramesLeakNothingAndTheServerStillServes() throws Exception {
        List<String> answers = new ArrayList<>();
        int connections = 0;
        EngineIoClient.Socket socket = null;
        for (String frame : new WebSocketFrameFuzzer(SEED).frames(FRAMES)) {
            if (socket == null || socket.closeCode() != -1) {
                if (socket != null) {
                    drain(socket, answers);
                    socket.close();
                }
                socket = connected();
                connections++;
            }
            try {
                socket.send(frame);
            } catch (RuntimeException closedMeanwhile) {
                socket = null;
            }
        }
        if (socket != null) {
            drain(socket, answers);
            socket.close();
        }
        System.out.println("WebSocket frame fuzz: " + FRAMES + " frames over " + connections + " connections, "
                + answers.size() + " frames answered");
        for (String answer : answers) {
            LEAKS.forEach(leak -> assertThat(answer).as("a frame the server sent").doesNotContain(leak));
        }
        assertAWebSocketClientIsGreeted();
    }

    private EngineIoClient.Socket connected() throws Exception {
        EngineIoClient.Socket socket = client.websocket();
        assertThat(socket.next(10)).startsWith("0{");
        socket.send(EngineIoClient.connectPacket());
        socket.await("40", 30);
        return socket;
    }

    private static void drain(EngineIoClient.Socket socket, List<String> answers) {
        for (var frame = socket.take(""); frame.isPresent(); frame = socket.take("")) {
            answers.add(frame.get());
        }
    }

    private void assertAWebSocketClientIsGreeted() throws Exception {
        EngineIoClient.Socket socket = client.websocket();
        assertThat(socket.next(5)).startsWith("0{");
        socket.send(EngineIoClient.connectPacket());
        assertThat(socket.await("42[\"connection_established\"", 30)).contains("socketId");
        socket.close();
    }
}
