package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plugins that sleep, loop, throw or hang cannot hurt the rest of the server: their route calls end in 503 at the
 * deadline (or at once when all their threads are taken), a plugin failing too often in a row is stopped as
 * FAILED, a hanging model provider ends its delivery {@code failed}, and unrelated routes keep their latency while
 * the bad plugins are hammered.
 *
 * <p>The latency check compares the p99 of {@value #SAMPLES} sequential requests to each of
 * {@code /api/agents} and {@code /api/server/ping} measured first, in the same test, with the p99 measured while
 * the bad plugins are hammered. To stay honest on a loaded two-core CI machine, where a baseline of a few
 * milliseconds doubles from scheduling noise alone, the baseline has a floor: the test fails only if
 * {@code p99_during > 2 × max(p99_baseline, 20 ms)}.
 */
class BadPluginsIT {
    private static final int SAMPLES = 300;
    private static final long FLOOR_MS = 20;
    private static final Duration DEADLINE = Duration.ofMillis(2000);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SERVER = "00000000-0000-0000-0000-000000000000";

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env(
            "PLUGIN_ROUTE_TIMEOUT_MS", Long.toString(DEADLINE.toMillis()), "MODEL_TIMEOUT_MS", "1000",
            "PLUGIN_THREADS", "2", "PLUGIN_FAILURE_THRESHOLD", "3", "AGENT_RETRY_MAX_ATTEMPTS", "1",
            "RATE_LIMIT_ENABLED", "false"));

    @Test
    void aSleepingRouteAnswers503AtTheDeadlineThenAtOnceWhenFullAndFailsAfterTheThreshold() throws Exception {
        Http http = PLATFORM.http();
        install(http, "sleeper", "SleepingRoutes");

        long began = System.nanoTime();
        Http.Reply cut = http.get("/api/plugins/sleeper/nap");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertUnavailable(cut, "did not answer in time");
        assertThat(tookMs).as("answered at the deadline").isBetween(DEADLINE.toMillis() - 50, 15_000L);
        assertThat(state(http, "sleeper")).isEqualTo("STARTED");

        // threads and clients of their own: the common pool may have one thread on two cores, and both calls must
        // be in flight; a holder refused while a probe held a thread for an instant tries again
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Http.Reply>> holders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Http holder = PLATFORM.http();
            holders.add(CompletableFuture.supplyAsync(() -> napUntilAdmitted(holder), clients));
        }
        clients.shutdown();
        Awaits.until(WAIT, "a call refused while both plugin threads sleep", () -> {
            Http.Reply reply = http.get("/api/plugins/sleeper/nap/awake");
            return reply.status() == 503 && reply.body().contains("all its 2 threads are taken");
        });
        for (CompletableFuture<Http.Reply> holder : holders) {
            assertUnavailable(holder.get(30, TimeUnit.SECONDS), "did not answer in time");
        }

        // an instant probe that was admitted ended the run of faults: time-outs in a row from here fail the plugin
        Awaits.until(WAIT, "sleeper FAILED after 3 timeouts in a row", () -> {
            http.get("/api/plugins/sleeper/nap");
            return state(http, "sleeper").equals("FAILED");
        });
        assertThat(plugin(http, "sleeper").path("failure").asText()).contains("3 calls in a row failed",
                "a call took longer than " + DEADLINE.toMillis() + " ms");
        assertThat(http.get("/api/plugins/sleeper/nap").status()).as("its routes are gone").isEqualTo(404);
    }

    @Test
    void aLoopingRouteIsInterruptedAtTheDeadline() throws Exception {
        Http http = PLATFORM.http();
        install(http, "looper", "LoopingRoutes");

        assertUnavailable(http.get("/api/plugins/looper/spin"), "did not answer in time");

        Awaits.until(WAIT, "the loop saw the interrupt and ended", () -> {
            Http.Reply stopped = http.get("/api/plugins/looper/spin/stopped");
            return stopped.status() == 200 && stopped.body().equals("1");
        });
        assertThat(state(http, "looper")).isEqualTo("STARTED");
    }

    @Test
    void aRouteThatThrowsOnEveryCallFailsThePluginAfterTheThresholdInARow() throws Exception {
        Http http = PLATFORM.http();
        install(http, "thrower", "ThrowingRoutes");

        for (int i = 0; i < 2; i++) {
            assertThat(http.get("/api/plugins/thrower/boom").status()).isEqualTo(500);
        }
        assertThat(http.get("/api/plugins/thrower/boom/missing").status()).as("a refusal, no fault").isEqualTo(404);
        for (int i = 0; i < 2; i++) {
            assertThat(http.get("/api/plugins/thrower/boom").status()).isEqualTo(500);
        }
        assertThat(state(http, "thrower")).as("the 404 ended the run of faults").isEqualTo("STARTED");

        Http.Reply third = http.get("/api/plugins/thrower/boom");
        assertThat(third.status()).isEqualTo(500);
        assertThat(third.body()).doesNotContain("broken on every call").doesNotContain("at dev.eliza");
        Awaits.until(WAIT, "thrower FAILED", () -> state(http, "thrower").equals("FAILED"));
        assertThat(plugin(http, "thrower").path("failure").asText()).isEqualTo("3 calls in a row failed, the last "
                + "one: a call failed: java.lang.IllegalStateException: broken on every call");
        assertThat(http.get("/api/plugins/thrower/boom").status()).isEqualTo(404);

        assertThat(http.json("POST", "/api/plugins/thrower/enable", "").status()).isEqualTo(200);
        assertThat(state(http, "thrower")).as("enabled again, it starts with a clean slate").isEqualTo("STARTED");
        assertThat(http.get("/api/plugins/thrower/boom").status()).isEqualTo(500);
        assertThat(state(http, "thrower")).isEqualTo("STARTED");
    }

    @Test
    void aHangingModelProviderEndsItsDeliveryFailedAtTheModelDeadline() throws Exception {
        Http http = PLATFORM.http();
        install(http, "hanger", "HangingProvider");
        Http.Reply created = http.json("POST", "/api/agents", "{\"agent\":{\"name\":\"Hung\",\"bio\":[\"b\"],"
                + "\"plugins\":[\"@it/plugin-hang\"]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String agent = created.json().at("/data/id").asText();
        assertThat(http.json("POST", "/api/agents/" + agent + "/start", "").status()).isEqualTo(200);
        String user = UUID.randomUUID().toString();
        Http.Reply channel = http.json("POST", "/api/messaging/channels", "{\"name\":\"hang\",\"type\":\"GROUP\","
                + "\"message_server_id\":\"" + SERVER + "\",\"participantCentralUserIds\":[\"" + user + "\",\""
                + agent + "\"]}");
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        Http.Reply posted = http.json("POST", "/api/messaging/channels/" + channel.json().at("/data/id").asText()
                + "/messages", "{\"author_id\":\"" + user + "\",\"content\":\"hello?\",\"message_server_id\":\""
                + SERVER + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode body = posted.json();
        String id = (body.has("userMessage") ? body.at("/userMessage/id") : body.at("/data/id")).asText();

        Awaits.until(WAIT, "the delivery failed", () -> delivery(http, id).path("state").asText().equals("failed"));
        assertThat(delivery(http, id).path("reason").asText()).contains("plugin:hanger:hang",
                "did not answer in time");
    }

    @Test
    void unrelatedRoutesKeepTheirLatencyWhileBadPluginsAreHammered() throws Exception {
        Http http = PLATFORM.http();
        install(http, "slow", "SleepingRoutes");
        install(http, "spin", "LoopingRoutes");
        install(http, "boom", "ThrowingRoutes");
        List<String> unrelated = List.of("/api/agents", "/api/server/ping");
        for (String path : unrelated) {
            p99(http, path);
        }
        List<Long> baseline = new ArrayList<>();
        for (String path : unrelated) {
            baseline.add(p99(http, path));
        }

        AtomicBoolean hammering = new AtomicBoolean(true);
        AtomicLong badCalls = new AtomicLong();
        ExecutorService hammers = Executors.newFixedThreadPool(5);
        List<String> targets = List.of("slow:/api/plugins/slow/nap", "slow:/api/plugins/slow/nap",
                "spin:/api/plugins/spin/spin", "spin:/api/plugins/spin/spin", "boom:/api/plugins/boom/boom");
        List<Long> during = new ArrayList<>();
        try {
            for (String target : targets) {
                hammers.execute(() -> hammer(target, hammering, badCalls));
            }
            Awaits.until(WAIT, "the bad plugins are busy", () -> badCalls.get() >= 5);
            for (String path : unrelated) {
                during.add(p99(http, path));
            }
        } finally {
            hammering.set(false);
            hammers.shutdown();
            assertThat(hammers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        System.out.println("BadPluginsIT p99 ms of " + unrelated + ": baseline " + baseline + ", during "
                + during + " (" + badCalls.get() + " calls to bad plugins)");
        for (int i = 0; i < unrelated.size(); i++) {
            assertThat(during.get(i)).as("p99 of " + unrelated.get(i) + " while hammered, baseline "
                    + baseline.get(i) + " ms").isLessThanOrEqualTo(2 * Math.max(baseline.get(i), FLOOR_MS));
        }
    }

    /** Naps on the sleeper, again as long as the call is refused because a probe held a thread. */
    private static Http.Reply napUntilAdmitted(Http http) {
        long giveUp = System.nanoTime() + WAIT.toNanos();
        Http.Reply reply;
        do {
            reply = get(http, "/api/plugins/sleeper/nap");
        } while (reply.status() == 503 && reply.body().contains("threads are taken") && System.nanoTime() < giveUp);
        return reply;
    }

    /** Calls a bad plugin's route until told to stop, enabling the plugin again whenever it was failed. */
    private static void hammer(String target, AtomicBoolean hammering, AtomicLong calls) {
        String plugin = target.substring(0, target.indexOf(':'));
        String path = target.substring(target.indexOf(':') + 1);
        Http http = PLATFORM.http();
        while (hammering.get()) {
            Http.Reply reply = get(http, path);
            calls.incrementAndGet();
            if (reply.status() == 404) {
                send(http, "POST", "/api/plugins/" + plugin + "/enable");
            }
        }
    }

    /** The 99th percentile of {@value #SAMPLES} sequential GETs of {@code path}, in milliseconds. */
    private static long p99(Http http, String path) throws Exception {
        long[] millis = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long began = System.nanoTime();
            Http.Reply reply = http.get(path);
            millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            assertThat(reply.status()).as(path).isEqualTo(200);
        }
        java.util.Arrays.sort(millis);
        return millis[(int) Math.ceil(SAMPLES * 0.99) - 1];
    }

    private static void install(Http http, String id, String className) throws Exception {
        Http.Reply installed = http.bytes("POST", "/api/plugins", "application/java-archive",
                ModuleJars.testPlugin(id, className));
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
    }

    private static void assertUnavailable(Http.Reply reply, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isNotBlank();
        JsonNode body = reply.json();
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.at("/error/code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(body.at("/error/message").asText()).contains(message);
    }

    private static JsonNode plugin(Http http, String id) throws Exception {
        return http.get("/api/plugins/" + id).json().path("data");
    }

    private static String state(Http http, String id) throws Exception {
        return plugin(http, id).path("state").asText();
    }

    private static JsonNode delivery(Http http, String messageId) throws Exception {
        return http.get("/api/messaging/messages/" + messageId).json().at("/data/deliveries/0");
    }

    private static Http.Reply get(Http http, String path) {
        return send(http, "GET", path);
    }

    private static Http.Reply send(Http http, String method, String path) {
        try {
            return method.equals("GET") ? http.get(path) : http.json(method, path, "");
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}
