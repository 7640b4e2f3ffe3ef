package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limiter on a real Jetty, spoken to from chosen client addresses, on a clock the test moves. */
class RateLimitHandlerTest {
    private static final String PUBLIC = "203.0.113.7";
    private static final String PUBLIC_V6 = "2001:db8::7";
    private static final RateLimitSettings THREE_PER_MINUTE =
            new RateLimitSettings(true, 3, Duration.ofSeconds(60), List.of("198.51.100.0/24"), 1000);

    // at the start of a window: windows are aligned on the epoch
    private final AtomicLong clock = new AtomicLong(1_020_000);
    private Server server;
    private LocalConnector connector;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everyApiResponseCarriesTheBudgetAndPastItComesA429() throws Exception {
        start(false, null);
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpTester.Response ok = send("GET", "/api/server/ping", PUBLIC, null);
            assertThat(ok.getStatus()).isEqualTo(200);
            assertThat(ok.get("RateLimit-Policy")).isEqualTo("3;w=60");
            assertThat(ok.get("RateLimit-Limit")).isEqualTo("3");
            assertThat(ok.get("RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
            assertThat(ok.get("RateLimit-Reset")).isEqualTo("60");
            assertThat(ok.get("Retry-After")).isNull();
        }
        clock.addAndGet(10_500);
        HttpTester.Response refused = send("POST", "/api/agents", PUBLIC, null);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(refused.getContent()).isEqualTo("{\"success\":false,\"error\":{\"code\":\"RATE_LIMIT_EXCEEDED\","
                + "\"message\":\"Too many requests. Please try again later.\"}}");
        assertThat(refused.get("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.get("RateLimit-Reset")).isEqualTo("50");
        assertThat(refused.get("Retry-After")).isEqualTo("50");
        assertThat(send("GET", "/api/server/ping", "203.0.113.8", null).getStatus())
                .as("another address has its own budget").isEqualTo(200);
    }

    @Test
    void theBudgetComesBackWhenTheWindowCloses() throws Exception {
        start(false, null);
        for (int i = 0; i < 4; i++) {
            send("GET", "/api/x", PUBLIC_V6, null);
        }
        assertThat(send("GET", "/api/x", PUBLIC_V6, null).getStatus()).isEqualTo(429);
        clock.addAndGet(60_000);
        HttpTester.Response again = send("GET", "/api/x", PUBLIC_V6, null);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.get("RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void loopbackAndTrustedAddressesAreCountedButNeverRefused() throws Exception {
        start(false, null);
        for (String address : new String[] {"127.0.0.1", "127.4.5.6", "::1", "198.51.100.20"}) {
            for (int i = 0; i < 5; i++) {
                send("GET", "/api/x", address, null);
            }
            HttpTester.Response sixth = send("GET", "/api/x", address, null);
            assertThat(sixth.getStatus()).as(address).isEqualTo(200);
            assertThat(sixth.get("RateLimit-Remaining")).as(address).isEqualTo("0");
            assertThat(sixth.get("Retry-After")).isNull();
        }
        assertThat(send("GET", "/api/x", "198.51.101.1", null).getStatus()).as("fresh, untrusted").isEqualTo(200);
    }

    @Test
    void preflightsAndPathsOutsideApiAreNeitherCountedNorLimited() throws Exception {
        start(false, null);
        for (int i = 0; i < 5; i++) {
            HttpTester.Response options = send("OPTIONS", "/api/x", PUBLIC, null);
            assertThat(options.getStatus()).isEqualTo(200);
            assertThat(options.get("RateLimit-Limit")).isNull();
            HttpTester.Response page = send("GET", "/apiary", PUBLIC, null);
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.get("RateLimit-Limit")).isNull();
        }
        assertThat(send("GET", "/api/x", PUBLIC, null).get("RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void healthChecksAreLimitedForPublicAddressesOnly() throws Exception {
        start(false, null);
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.20.0.5", "192.168.1.9", "fd12::1"}) {
            for (int i = 0; i < 5; i++) {
                HttpTester.Response health = send("GET", i % 2 == 0 ? "/healthz" : "/health", address, null);
                assertThat(health.getStatus()).as(address).isEqualTo(200);
                assertThat(health.get("RateLimit-Limit")).as(address).isNull();
            }
        }
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/healthz", PUBLIC, null).get("RateLimit-Remaining"))
                    .isEqualTo(String.valueOf(2 - i));
        }
        assertThat(send("GET", "/health", PUBLIC, null).getStatus()).isEqualTo(429);
    }

    @Test
    void aCheckedKeyHasItsOwnBudgetWhereverItComesFrom() throws Exception {
        start(true, null);
        for (int i = 0; i < 3; i++) {
            send("GET", "/api/x", "203.0.113." + (i + 1), "key-one");
        }
        HttpTester.Response spent = send("GET", "/api/x", "203.0.113.99", "key-one");
        assertThat(spent.getStatus()).isEqualTo(429);
        assertThat(spent.toString()).doesNotContain("key-one");
        assertThat(send("GET", "/api/x", "203.0.113.99", null).get("RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void anUncheckedKeyDoesNotBuyAFreshBudget() throws Exception {
        start(false, null);
        for (int i = 0; i < 3; i++) {
            send("GET", "/api/x", PUBLIC, "made-up-" + i);
        }
        assertThat(send("GET", "/api/x", PUBLIC, "made-up-9").getStatus()).isEqualTo(429);
    }

    @Test
    void behindAuthenticationARefusedKeyIsNotCounted() throws Exception {
        start(true, "s3cret");
        for (int i = 0; i < 5; i++) {
            HttpTester.Response unauthorised = send("GET", "/api/x", PUBLIC, "wrong");
            assertThat(unauthorised.getStatus()).isEqualTo(401);
            assertThat(unauthorised.get("RateLimit-Limit")).isNull();
        }
        assertThat(send("GET", "/api/x", PUBLIC, "s3cret").get("RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void switchedOffThereIsNoLimiterAtAll() {
        Handler next = new FixedBodyHandler("{}");
        RateLimitSettings off = new RateLimitSettings(false, 3, Duration.ofSeconds(60), List.of(), 10);
        assertThat(RateLimitHandler.around(next, off, false, Optional::empty)).isSameAs(next);
        assertThat(RateLimitHandler.around(next, THREE_PER_MINUTE, false, Optional::empty)).isInstanceOf(RateLimitHandler.class);
    }

    private void start(boolean keysChecked, String authToken) throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        Handler chain = new RateLimitHandler(THREE_PER_MINUTE, new RateLimitMemoryStore(60_000, 1000),
                new RateLimitClients(keysChecked), clock::get, new FixedBodyHandler("{}"));
        if (authToken != null) {
            chain = new ApiKeyAuthHandler(ApiKey.of(Optional.of(authToken)), path -> false, chain);
        }
        server.setHandler(new RateLimitRemoteAddress(chain));
        server.start();
    }

    private HttpTester.Response send(String method, String path, String remote, String key) throws Exception {
        String headers = RateLimitRemoteAddress.HEADER + ": " + remote + "\r\n"
                + (key == null ? "" : "X-API-KEY: " + key + "\r\n");
        return HttpTester.parseResponse(connector.getResponse(method + " " + path + " HTTP/1.1\r\nHost: t\r\n"
                + headers + "Connection: close\r\n\r\n", 5, TimeUnit.SECONDS));
    }
}
