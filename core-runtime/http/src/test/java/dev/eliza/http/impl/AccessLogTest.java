package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessLogTest {
    private static final String BODY = "{\"success\":true}";

    private final BlockingQueue<AccessLine> lines = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> skipped = new LinkedBlockingQueue<>();
    private final AtomicLong clock = new AtomicLong();
    /** A permit per request the sampler judged: Jetty logs a request after its response is sent. */
    private final Semaphore judged = new Semaphore(0);
    private final AccessSampler sampler = new AccessSampler(1, clock::get);
    private Server server;
    private LocalConnector connector;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        DomainRouter router = new DomainRouter(Duration.ofSeconds(1), Duration.ofSeconds(1));
        server.setHandler(new RequestIdHandler(router));
        AccessLogSettings settings = new AccessLogSettings(true, 1, Duration.ofHours(1));
        server.setRequestLog(new AccessLog(settings, always -> {
            AccessSampler.Admission admission = sampler.admit(always);
            judged.release();
            return admission;
        }, new AccessLog.Sink() {
            @Override
            public void line(AccessLine line) {
                lines.add(line);
            }

            @Override
            public void skipped(long count, int maxPerSecond) {
                skipped.add(count);
            }
        }));
        server.start();
        router.mount(new Mount("agents", "owner.agents", List.of("/api/agents"), new FixedBodyHandler(BODY)));
        router.ready();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aServedRequestIsOneLineWithItsIdDomainStatusAndSizeButNotItsQuery() throws Exception {
        HttpTester.Response response = get("/api/agents/a1?api_key=secret-value", "X-API-KEY: secret-header\r\n");
        AccessLine line = lines.poll(5, TimeUnit.SECONDS);
        assertThat(line).isNotNull();
        assertThat(line.requestId()).isEqualTo(response.get(RequestIdHandler.HEADER)).isNotBlank();
        assertThat(line.method()).isEqualTo("GET");
        assertThat(line.path()).isEqualTo("/api/agents/a1");
        assertThat(line.domain()).isEqualTo("agents");
        assertThat(line.status()).isEqualTo(200);
        assertThat(line.durationMs()).isNotNegative();
        assertThat(line.bytes()).isEqualTo(BODY.length());
        assertThat(line.text() + line.fields()).doesNotContain("secret");
    }

    @Test
    void aRequestNobodyServesHasNoDomainAndTheCallersIdIsKept() throws Exception {
        get("/api/nowhere", "X-Request-Id: caller-id-1\r\n");
        AccessLine line = lines.poll(5, TimeUnit.SECONDS);
        assertThat(line).isNotNull();
        assertThat(line.requestId()).isEqualTo("caller-id-1");
        assertThat(line.domain()).isEqualTo(AccessLine.UNKNOWN);
        assertThat(line.status()).isEqualTo(404);
    }

    @Test
    void aboveTheRateLinesAreCountedAndReportedByTheNextSecond() throws Exception {
        get("/api/agents", "");
        get("/api/agents", "");
        get("/api/agents", "");
        assertThat(judged.tryAcquire(3, 5, TimeUnit.SECONDS)).isTrue();
        clock.addAndGet(1000);
        get("/api/agents", "");
        assertThat(skipped.poll(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(lines.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(lines.poll(5, TimeUnit.SECONDS)).as("the next second's first line").isNotNull();
        assertThat(lines).isEmpty();
    }

    @Test
    void theLineTextAndFieldsCarryTheSameFacts() {
        AccessLine line = new AccessLine("r-1", "POST", "/api/messaging/submit", "messaging", 201, 12, 345);
        assertThat(line.text()).isEqualTo("POST /api/messaging/submit 201 12ms 345B messaging");
        assertThat(line.fields()).isEqualTo(Map.of("requestId", "r-1", "method", "POST", "path",
                "/api/messaging/submit", "domain", "messaging", "status", "201", "durationMs", "12", "bytes", "345"));
    }

    @Test
    void settingsDefaultToOnAtAHundredASecondAndCanBeTurnedOff() {
        AccessLogSettings defaults = AccessLogSettings.from(key -> null);
        assertThat(defaults).isEqualTo(new AccessLogSettings(true, 100, Duration.ofSeconds(1)));
        AccessLogSettings set = AccessLogSettings.from(Map.of("ACCESS_LOG", "false", "ACCESS_LOG_MAX_PER_SECOND", "5",
                "ACCESS_LOG_SLOW_MS", "250")::get);
        assertThat(set).isEqualTo(new AccessLogSettings(false, 5, Duration.ofMillis(250)));
    }

    @Test
    void aSettingOutOfShapeIsRefusedByName() {
        assertThatThrownBy(() -> AccessLogSettings.from(Map.of("ACCESS_LOG", "yes")::get))
                .hasMessage("ACCESS_LOG: 'yes' is neither true nor false");
        assertThatThrownBy(() -> AccessLogSettings.from(Map.of("ACCESS_LOG_MAX_PER_SECOND", "-1")::get))
                .hasMessageStartingWith("ACCESS_LOG_MAX_PER_SECOND: '-1' is not a whole number");
        assertThatThrownBy(() -> AccessLogSettings.from(Map.of("ACCESS_LOG_SLOW_MS", "1s")::get))
                .hasMessageStartingWith("ACCESS_LOG_SLOW_MS: '1s' is not a whole number");
    }

    private HttpTester.Response get(String target, String headers) throws Exception {
        return HttpTester.parseResponse(connector.getResponse("GET " + target + " HTTP/1.1\r\nHost: test\r\n" + headers
                + "Connection: close\r\n\r\n", 10, TimeUnit.SECONDS));
    }
}
