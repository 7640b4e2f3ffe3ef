package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ElizaOS Socket.IO message protocol against the real platform (MessageService over PostgreSQL), driven by the
 * npm {@code socket.io-client}: joins, sends with their acknowledgement and broadcasts, REST fan-out, refused sends,
 * and log streaming (the probe bundle's failing handler provides a WARN record to stream).
 */
class SocketIoMessagingIT {
    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void theNpmClientSpeaksTheMessageProtocol() throws Exception {
        Http http = PLATFORM.http();
        ModuleJars.deploy(PLATFORM.home().resolve("deploy"), "echo.jar", ModuleJars.echoProbeBundle());
        Awaits.until(Duration.ofSeconds(15), "probe bundle mounted", () -> http.get("/api/echo").status() == 200);
        NodeTests.Result result = NodeTests.run("socketio-messaging.test.mjs",
                Map.of("BASE_URL", "http://127.0.0.1:" + PLATFORM.process().port()));
        System.out.println(result.output());
        assertThat(result.output()).contains("ℹ pass 6", "ℹ fail 0");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
