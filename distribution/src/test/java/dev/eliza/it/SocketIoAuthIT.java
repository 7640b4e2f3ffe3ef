package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code ELIZA_SERVER_AUTH_TOKEN} set, the Socket.IO handshake needs the same key as REST. */
class SocketIoAuthIT {
    private static final String KEY = "socket-secret";

    @RegisterExtension
    static final PlatformExtension PLATFORM =
            new PlatformExtension(PlatformProcess.env("ELIZA_SERVER_AUTH_TOKEN", KEY), KEY);

    @Test
    void theHandshakeNeedsTheKey() throws Exception {
        NodeTests.Result result = NodeTests.run("socketio.test.mjs",
                Map.of("BASE_URL", "http://127.0.0.1:" + PLATFORM.process().port(), "API_KEY", KEY));
        System.out.println(result.output());
        assertThat(result.output()).contains("ℹ pass 2", "ℹ fail 0");
        assertThat(result.exitCode()).isZero();
    }
}
