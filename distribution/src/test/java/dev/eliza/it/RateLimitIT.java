package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real server's rate limit and security headers, configured through {@code conf/platform.properties}: every
 * {@code /api} response tells its budget, and loopback (where these tests run) is counted past the limit but never
 * refused. The 429 itself needs a non-loopback client: {@code RateLimitHandlerTest} covers it.
 */
class RateLimitIT {
    private static final int LIMIT = 25;
    private static final Map<String, String> HELMET = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "SAMEORIGIN",
            "Cross-Origin-Opener-Policy", "same-origin",
            "X-XSS-Protection", "0");

    static Path home;
    static PlatformProcess platform;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("eliza-it-");
        PlatformProcess.install(home);
        Files.writeString(home.resolve("conf/platform.properties"),
                "\nRATE_LIMIT_MAX=" + LIMIT + "\nRATE_LIMIT_WINDOW_MS=600000\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        platform = PlatformProcess.start(home, Map.of());
        http = new Http(platform);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            platform.close();
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void apiResponsesCarryTheConfiguredBudgetAndTheHelmetHeaders() throws Exception {
        for (String path : new String[] {"/api/server/ping", "/api/agents", "/api/no-such-route"}) {
            Http.Reply reply = http.get(path);
            assertThat(reply.header("RateLimit-Policy")).as(path).isEqualTo(LIMIT + ";w=600");
            assertThat(reply.header("RateLimit-Limit")).as(path).isEqualTo(String.valueOf(LIMIT));
            assertThat(Integer.parseInt(reply.header("RateLimit-Remaining"))).as(path).isBetween(0, LIMIT - 1);
            assertThat(Integer.parseInt(reply.header("RateLimit-Reset"))).as(path).isBetween(1, 600);
            HELMET.forEach((name, value) -> assertThat(reply.header(name)).as(path + " " + name).isEqualTo(value));
            assertThat(reply.header("Content-Security-Policy")).as(path).startsWith("default-src 'self';")
                    .contains("connect-src 'self' ws: wss:");
            assertThat(reply.header("Strict-Transport-Security")).as(path).isNotNull();
            assertThat(reply.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }

    /**
     * The windows are aligned to the clock so that every node agrees on them, so one may close while this test runs:
     * {@code RateLimit-Reset} going up says a new window opened, and the count starts again there.
     */
    @Test
    void loopbackIsCountedPastTheLimitButNeverRefused() throws Exception {
        int inWindow = 0;
        int previousRemaining = -1;
        int previousReset = Integer.MAX_VALUE;
        Http.Reply reply = null;
        for (int i = 0; inWindow <= LIMIT + 5; i++) {
            reply = http.get("/api/server/ping");
            assertThat(reply.status()).as("request %d", i).isEqualTo(200);
            assertThat(reply.json().get("pong").asBoolean()).isTrue();
            assertThat(reply.header("Retry-After")).isNull();
            int remaining = Integer.parseInt(reply.header("RateLimit-Remaining"));
            int reset = Integer.parseInt(reply.header("RateLimit-Reset"));
            if (reset > previousReset) {
                inWindow = 0;
            } else if (previousRemaining >= 0) {
                assertThat(remaining).as("request %d", i).isEqualTo(Math.max(0, previousRemaining - 1));
            }
            previousRemaining = remaining;
            previousReset = reset;
            inWindow++;
        }
        assertThat(reply.header("RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void healthAndPagesFromLoopbackAreNotCountedButCarryTheHelmetHeaders() throws Exception {
        for (String path : new String[] {"/healthz", "/health", "/"}) {
            Http.Reply reply = http.get(path);
            assertThat(reply.header("RateLimit-Limit")).as(path).isNull();
            HELMET.forEach((name, value) -> assertThat(reply.header(name)).as(path + " " + name).isEqualTo(value));
            assertThat(reply.header("Referrer-Policy")).as(path).isEqualTo("no-referrer-when-downgrade");
            assertThat(reply.header("Strict-Transport-Security")).as(path).isNull();
        }
        assertThat(http.get("/healthz").status()).isEqualTo(200);
    }
}
