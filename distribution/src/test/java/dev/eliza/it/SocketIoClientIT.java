package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The npm {@code socket.io-client} against the real platform: the three transport modes, the handshake rules,
 * acknowledgements, room broadcasts, failing handlers, and handlers that come and go with their bundle.
 */
class SocketIoClientIT {
    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void theNpmClientPassesTheCompatibilitySuite() throws Exception {
        Http http = PLATFORM.http();
        ModuleJars.deploy(PLATFORM.home().resolve("deploy"), "echo.jar", ModuleJars.echoProbeBundle());
        Awaits.until(Duration.ofSeconds(15), "probe bundle mounted", () -> http.get("/api/echo").status() == 200);
        NodeTests.Result result = NodeTests.run("socketio.test.mjs",
                Map.of("BASE_URL", "http://127.0.0.1:" + PLATFORM.process().port()));
        System.out.println(result.output());
        assertThat(result.output()).contains("ℹ pass 8", "ℹ fail 0");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
