package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DomainRouterMetricsTest {
    private final SimpleMeterRegistry platform = new SimpleMeterRegistry();
    private final HttpMeters meters = new HttpMeters();
    private Server server;
    private LocalConnector connector;
    private DomainRouter router;

    @BeforeEach
    void start() throws Exception {
        meters.add(platform);
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        router = new DomainRouter(Duration.ofSeconds(5), Duration.ofSeconds(2), meters);
        server.setHandler(router);
        server.start();
        router.ready();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void requestsAreTimedByDomainMethodAndStatusNotByPath() throws Exception {
        router.mount(new Mount("x", "owner.a", List.of("/api/x"), new FixedBodyHandler("{}")));
        get("/api/x/1");
        get("/api/x/2");
        get("/api/nobody");

        // the client has its bytes a moment before the response's callback completes, where it is measured
        awaitCount(HttpMeters.REQUESTS, 3);
        Timer served = platform.get(HttpMeters.REQUESTS).tags("domain", "x", "method", "GET", "status", "200").timer();
        assertThat(served.count()).isEqualTo(2);
        assertThat(platform.get(HttpMeters.REQUESTS).tags("domain", "none", "status", "404").timer().count())
                .isEqualTo(1);
        assertThat(platform.get(HttpMeters.REQUESTS).meters()).allSatisfy(meter ->
                assertThat(meter.getId().getTags()).extracting(t -> t.getKey())
                        .containsExactlyInAnyOrder("domain", "method", "status"));
    }

    @Test
    void aRequestHeldDuringASwapIsCountedForTheSwappingModule() throws Exception {
        Mount old = new Mount("x", "owner.a", List.of("/api/x"), new FixedBodyHandler("{\"v\":1}"));
        router.mount(old);
        try (SwapWindow window = router.openWindow("owner.a")) {
            router.unmount(old);
            CompletableFuture<HttpTester.Response> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return get("/api/x");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            // the counter is registered a moment before it is incremented: wait for the count, not the counter
            while (heldCount() < 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(heldCount()).isEqualTo(1);
            router.mount(new Mount("x", "owner.a", List.of("/api/x"), new FixedBodyHandler("{\"v\":2}")));
            assertThat(held.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void withoutThePlatformRegistryNothingIsRecordedAndRequestsStillServe() throws Exception {
        meters.remove(platform);
        router.mount(new Mount("x", "owner.a", List.of("/api/x"), new FixedBodyHandler("{}")));
        assertThat(get("/api/x").getStatus()).isEqualTo(200);
        get("/api/nobody");
        assertThat(platform.find(HttpMeters.REQUESTS).timer()).isNull();
    }

    private double heldCount() {
        Counter held = platform.find(HttpMeters.HELD).tags("module", "owner.a").counter();
        return held == null ? 0 : held.count();
    }

    private void awaitCount(String timer, long count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (platform.find(timer).timers().stream().mapToLong(Timer::count).sum() < count
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private HttpTester.Response get(String path) throws Exception {
        return HttpTester.parseResponse(connector.getResponse(
                "GET " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n", 10, TimeUnit.SECONDS));
    }
}
