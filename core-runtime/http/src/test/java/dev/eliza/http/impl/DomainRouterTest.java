package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DomainRouterTest {
    private Server server;
    private LocalConnector connector;
    private DomainRouter router;
    /** Counts held requests, which is how a test knows one is parked. */
    private final SimpleMeterRegistry platform = new SimpleMeterRegistry();

    private void start(Duration hold) throws Exception {
        startStarting(hold);
        router.ready();
    }

    /** A router whose server is still starting: {@link DomainRouter#ready()} not called yet. */
    private void startStarting(Duration hold) throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        HttpMeters meters = new HttpMeters();
        meters.add(platform);
        router = new DomainRouter(hold, Duration.ofSeconds(2), meters);
        server.setHandler(router);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void routesToTheMountAndAnswersUnknownPathsWithTheElizaBody() throws Exception {
        start(Duration.ofSeconds(5));
        router.mount(mount("owner.a", "{\"v\":1}"));
        assertThat(get("/api/x/anything").getContent()).isEqualTo("{\"v\":1}");
        HttpTester.Response unknownApi = get("/api/y");
        assertThat(unknownApi.getStatus()).isEqualTo(404);
        assertThat(unknownApi.getContent()).isEqualTo(DomainRouter.API_NOT_FOUND);
        assertThat(get("/elsewhere").getContent()).isEqualTo(DomainRouter.NOT_FOUND);
    }

    @Test
    void anUnmountedRouteIsGoneAtOnceOutsideASwapWindow() throws Exception {
        start(Duration.ofSeconds(5));
        Mount mount = mount("owner.a", "{\"v\":1}");
        router.mount(mount);
        router.unmount(mount);
        assertThat(get("/api/x").getStatus()).isEqualTo(404);
    }

    @Test
    void aPrefixOwnedByAnotherBundleIsRefused() throws Exception {
        start(Duration.ofSeconds(5));
        router.mount(mount("owner.a", "{\"v\":1}"));
        Optional<String> refusal = router.mount(mount("owner.b", "{\"v\":2}"));
        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains("/api/x", "owner.a"));
        assertThat(get("/api/x").getContent()).isEqualTo("{\"v\":1}");
    }

    @Test
    void aPathHeldForASwapIsNotAnotherOwnersToTake() throws Exception {
        start(Duration.ofSeconds(5));
        Mount old = mount("owner.a", "{\"v\":1}");
        router.mount(old);
        try (SwapWindow window = router.openWindow("owner.a")) {
            router.unmount(old);
            assertThat(router.mount(mount("owner.b", "{\"v\":2}")))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("held", "owner.a"));
            assertThat(router.mount(mount("owner.a", "{\"v\":3}"))).isEmpty();
        }
        assertThat(get("/api/x").getContent()).isEqualTo("{\"v\":3}");
    }

    @Test
    void duringASwapRequestsWaitForTheNewVersion() throws Exception {
        start(Duration.ofSeconds(5));
        Mount old = mount("owner.a", "{\"v\":1}");
        router.mount(old);
        try (SwapWindow window = router.openWindow("owner.a")) {
            router.unmount(old);
            CompletableFuture<HttpTester.Response> held = CompletableFuture.supplyAsync(() -> getQuietly("/api/x"));
            Thread.sleep(200);
            assertThat(held).isNotDone();
            router.mount(mount("owner.a", "{\"v\":2}"));
            HttpTester.Response response = held.get(5, TimeUnit.SECONDS);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContent()).isEqualTo("{\"v\":2}");
        }
    }

    @Test
    void aHeldNarrowPrefixWaitsForItsOwnerInsteadOfFallingToABroaderDomain() throws Exception {
        start(Duration.ofSeconds(5));
        router.mount(new Mount("broad", "owner.broad", List.of("/api/x"), new FixedBodyHandler("{\"v\":\"broad\"}")));
        Mount narrow = new Mount("narrow", "owner.narrow", List.of("/api/x/*/rooms"),
                new FixedBodyHandler("{\"v\":\"narrow\"}"));
        router.mount(narrow);
        assertThat(get("/api/x/a/rooms").getContent()).isEqualTo("{\"v\":\"narrow\"}");
        try (SwapWindow window = router.openWindow("owner.narrow")) {
            router.unmount(narrow);
            CompletableFuture<HttpTester.Response> held = CompletableFuture.supplyAsync(
                    () -> getQuietly("/api/x/a/rooms/b"));
            assertThat(get("/api/x/a/memories").getContent()).isEqualTo("{\"v\":\"broad\"}");
            assertThat(held).isNotDone();
            router.mount(new Mount("narrow", "owner.narrow", List.of("/api/x/*/rooms"),
                    new FixedBodyHandler("{\"v\":\"narrow 2\"}")));
            assertThat(held.get(5, TimeUnit.SECONDS).getContent()).isEqualTo("{\"v\":\"narrow 2\"}");
        }
    }

    @Test
    void aRouteThatDoesNotComeBackInTimeGets503WithRetryAfter() throws Exception {
        start(Duration.ofMillis(300));
        Mount old = mount("owner.a", "{\"v\":1}");
        router.mount(old);
        try (SwapWindow window = router.openWindow("owner.a")) {
            router.unmount(old);
            HttpTester.Response response = get("/api/x");
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.get("Retry-After")).isEqualTo("1");
            assertThat(response.getContent()).contains("SERVICE_UNAVAILABLE");
        }
    }

    @Test
    void closingTheWindowReleasesWaitersWith503() throws Exception {
        start(Duration.ofSeconds(10));
        Mount old = mount("owner.a", "{\"v\":1}");
        router.mount(old);
        SwapWindow window = router.openWindow("owner.a");
        router.unmount(old);
        CompletableFuture<HttpTester.Response> held = CompletableFuture.supplyAsync(() -> getQuietly("/api/x"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // counted just before it is parked; a close in between still answers it 503
        while (heldCount() < 1) {
            assertThat(System.nanoTime()).as("the request is held within 10 s").isLessThan(deadline);
            Thread.sleep(1);
        }
        window.close();
        assertThat(held.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(503);
        assertThat(get("/api/x").getStatus()).isEqualTo(404);
    }

    @Test
    void whileStartingAPathNobodyServesYetIs503NotA404() throws Exception {
        startStarting(Duration.ofSeconds(5));
        HttpTester.Response early = get("/api/agents");
        assertThat(early.getStatus()).isEqualTo(503);
        assertThat(early.get("Retry-After")).isEqualTo("1");
        assertThat(early.getContent()).contains("SERVICE_UNAVAILABLE", "starting");
        router.mount(mount("owner.a", "{\"v\":1}"));
        assertThat(get("/api/x").getStatus()).isEqualTo(200);
        router.ready();
        assertThat(get("/api/agents").getStatus()).isEqualTo(404);
    }

    @Test
    void aHandlerThatThrowsIsCountedOutOfItsMount() throws Exception {
        start(Duration.ofSeconds(5));
        Mount failing = new Mount("x", "owner.a", List.of("/api/x"), new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                throw new IllegalStateException("boom");
            }
        });
        router.mount(failing);
        assertThat(get("/api/x").getStatus()).isEqualTo(500);
        assertThat(failing.closeAndDrain(Duration.ZERO)).as("no request left inside").isTrue();
    }

    @Test
    void openPrefixesAreKnownWhileServedAndWhileHeld() throws Exception {
        start(Duration.ofSeconds(5));
        Mount health = new Mount("h", "owner.a", List.of("/health", "/health/deep"), new FixedBodyHandler("{}"));
        router.mount(health, List.of("/health"));
        assertThat(router.isOpen("/health")).isTrue();
        assertThat(router.isOpen("/health/x")).isTrue();
        assertThat(router.isOpen("/health/deep")).as("the more specific prefix is not open").isFalse();
        assertThat(router.isOpen("/api/x")).isFalse();
        try (SwapWindow window = router.openWindow("owner.a")) {
            router.unmount(health);
            assertThat(router.isOpen("/health")).isTrue();
            assertThat(router.isOpen("/health/deep")).isFalse();
        }
        assertThat(router.isOpen("/health")).isFalse();
    }

    @Test
    void anOpenCatchAllOpensEveryPathButThoseOfTheApi() throws Exception {
        start(Duration.ofSeconds(5));
        router.mount(new Mount("web", "owner.web", List.of("/"), new FixedBodyHandler("{}")), List.of("/"));
        router.mount(mount("owner.a", "{\"v\":1}"));
        assertThat(router.isOpen("/")).isTrue();
        assertThat(router.isOpen("/chat/a/b")).isTrue();
        assertThat(router.isOpen("/api/x")).isFalse();
        assertThat(router.isOpen("/api/unknown")).isFalse();
        assertThat(router.isOpen("/api")).isFalse();
        assertThat(get("/chat/a/b").getContent()).isEqualTo("{}");
        assertThat(get("/api/x/1").getContent()).isEqualTo("{\"v\":1}");
    }

    @Test
    void whileStartingAnApiPathOnlyTheCatchAllMatchesIs503() throws Exception {
        startStarting(Duration.ofSeconds(5));
        router.mount(new Mount("web", "owner.web", List.of("/"), new FixedBodyHandler("{\"app\":1}")), List.of("/"));
        assertThat(get("/api/agents").getStatus()).isEqualTo(503);
        assertThat(get("/chat").getContent()).isEqualTo("{\"app\":1}");
        router.ready();
        assertThat(get("/api/agents").getContent()).isEqualTo("{\"app\":1}");
    }

    @Test
    void whileStartingADeclaredNarrowPrefixNotMountedYetIs503NotTheBroaderDomains404() throws Exception {
        startStarting(Duration.ofSeconds(5));
        router.mount(new Mount("messaging", "owner.m", List.of("/api/messaging"), new FixedBodyHandler("{\"m\":1}")));
        router.awaiting(Set.of("/api/messaging/sessions", "/api/memory/*/rooms"));
        HttpTester.Response early = get("/api/messaging/sessions/abc");
        assertThat(early.getStatus()).isEqualTo(503);
        assertThat(early.get("Retry-After")).isEqualTo("1");
        assertThat(get("/api/messaging/channels").getContent()).as("the broader domain's own paths")
                .isEqualTo("{\"m\":1}");

        router.mount(new Mount("sessions", "owner.s", List.of("/api/messaging/sessions"),
                new FixedBodyHandler("{\"s\":1}")));
        router.awaiting(Set.of("/api/memory/*/rooms"));
        assertThat(get("/api/messaging/sessions/abc").getContent()).isEqualTo("{\"s\":1}");

        router.unmount(router.mounts().stream().filter(m -> m.domain().equals("sessions")).findFirst().orElseThrow());
        router.ready();
        router.awaiting(Set.of("/api/messaging/sessions"));
        assertThat(get("/api/messaging/sessions/abc").getContent()).as("after start-up the broader domain answers")
                .isEqualTo("{\"m\":1}");
    }

    @Test
    void noRequestFallsBetweenARouteAndItsHoldDuringRepeatedSwaps() throws Exception {
        start(Duration.ofSeconds(5));
        Mount[] current = {mount("owner.a", "{\"v\":0}")};
        router.mount(current[0]);
        java.util.concurrent.atomic.AtomicBoolean swapping = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ConcurrentLinkedQueue<Integer> statuses = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Runnable client = () -> {
            while (swapping.get()) {
                statuses.add(getQuietly("/api/x").getStatus());
            }
        };
        CompletableFuture<Void> first = CompletableFuture.runAsync(client);
        CompletableFuture<Void> second = CompletableFuture.runAsync(client);
        for (int i = 1; i <= 300; i++) {
            try (SwapWindow window = router.openWindow("owner.a")) {
                router.unmount(current[0]);
                current[0] = mount("owner.a", "{\"v\":" + i + "}");
                router.mount(current[0]);
            }
        }
        swapping.set(false);
        CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
        assertThat(statuses).isNotEmpty().containsOnly(200);
    }

    private static Mount mount(String owner, String body) {
        return new Mount("x", owner, List.of("/api/x"), new FixedBodyHandler(body));
    }

    private HttpTester.Response get(String path) throws Exception {
        return HttpTester.parseResponse(connector.getResponse(
                "GET " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n", 10, TimeUnit.SECONDS));
    }

    private HttpTester.Response getQuietly(String path) {
        try {
            return get(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double heldCount() {
        Counter held = platform.find(HttpMeters.HELD).tags("module", "owner.a").counter();
        return held == null ? 0 : held.count();
    }
}
