package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Engine.IO ping/pong: the configured heartbeat is advertised, kept by live clients, enforced on silent ones. */
class SocketIoHeartbeatIT {
    // a short interval for many pings; a pong timeout a busy 2-core machine's pauses cannot reach
    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env(
            "SOCKETIO_PING_INTERVAL_MS", "400", "SOCKETIO_PING_TIMEOUT_MS", "2000"));

    @Test
    void heartbeatsAreSentAndEnforced() throws Exception {
        NodeTests.Result result = NodeTests.run("socketio-heartbeat.test.mjs", Map.of(
                "BASE_URL", "http://127.0.0.1:" + PLATFORM.process().port(), "PING_INTERVAL", "400",
                "PING_TIMEOUT", "2000"));
        System.out.println(result.output());
        assertThat(result.output()).contains("ℹ pass 3", "ℹ fail 0");
        assertThat(result.exitCode()).isZero();
    }
}
