package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostGuardTest {
    private Server server;
    private LocalConnector connector;

    private void start(Set<String> allowed, Optional<String> key) throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(new HostGuard(allowed, ApiKey.of(key), new FixedBodyHandler("{}")));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void loopbackNamesIpLiteralsAndConfiguredNamesPass() throws Exception {
        start(Set.of("127.0.0.1", "eliza.internal"), Optional.empty());
        for (String host : new String[] {"127.0.0.1:3000", "localhost:3000", "LOCALHOST", "app.localhost:3000",
                "[::1]:3000", "10.1.2.3:3000", "eliza.internal:3000", "Eliza.Internal"}) {
            assertThat(get(host, null).getStatus()).as(host).isEqualTo(200);
        }
    }

    @Test
    void aReboundDomainNameIsMisdirected() throws Exception {
        start(Set.of("127.0.0.1"), Optional.empty());
        for (String host : new String[] {"evil.example:3000", "evil.example", "127.0.0.1.evil.example",
                "localhost.evil.example", "999.1.1.1"}) {
            HttpTester.Response refused = get(host, null);
            assertThat(refused.getStatus()).as(host).isEqualTo(421);
            assertThat(refused.getContent()).contains("MISDIRECTED_REQUEST", "ALLOWED_HOSTS");
        }
    }

    @Test
    void theKeyLetsAnyNameThroughAndAStarTurnsTheCheckOff() throws Exception {
        start(Set.of("127.0.0.1"), Optional.of("s3cret"));
        assertThat(get("evil.example", "s3cret").getStatus()).isEqualTo(200);
        assertThat(get("evil.example", "wrong").getStatus()).isEqualTo(421);
        server.stop();
        start(Set.of("*"), Optional.empty());
        assertThat(get("anything.example", null).getStatus()).isEqualTo(200);
    }

    private HttpTester.Response get(String host, String key) throws Exception {
        return HttpTester.parseResponse(connector.getResponse("GET /api/agents HTTP/1.1\r\nHost: " + host + "\r\n"
                + (key == null ? "" : "X-API-KEY: " + key + "\r\n") + "Connection: close\r\n\r\n",
                5, TimeUnit.SECONDS));
    }
}
