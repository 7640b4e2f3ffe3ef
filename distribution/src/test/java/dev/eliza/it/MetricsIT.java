package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /metrics} on the real platform with an API key: refused without it, and a Prometheus scrape with it in
 * which the meters of the HTTP server, the JVM, the connection pool, the bundles and plugins, a model call and its
 * delivery, a Socket.IO connection and a module swap have moved.
 */
class MetricsIT {
    private static final String KEY = "metrics-secret";
    private static final String SERVER = "00000000-0000-0000-0000-000000000000";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** One sample line: name, optional labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)",
            Pattern.MULTILINE);

    @RegisterExtension
    static final PlatformExtension PLATFORM =
            new PlatformExtension(PlatformProcess.env("ELIZA_SERVER_AUTH_TOKEN", KEY), KEY);
    static Http http;

    @BeforeAll
    static void client() {
        http = PLATFORM.http();
    }

    @Test
    void theScrapeNeedsTheKey() throws Exception {
        Http.Reply anonymous = new Http(PLATFORM.process()).get("/metrics");
        assertThat(anonymous.status()).isEqualTo(401);

        Http.Reply scrape = http.get("/metrics");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge");
        assertThat(PLATFORM.process().console()).as("every bundle resolves").doesNotContain("Unable to resolve");
    }

    @Test
    void requestsJvmPoolAndBundlesAreMeasured() throws Exception {
        int requests = 5;
        for (int i = 0; i < requests; i++) {
            assertThat(http.get("/api/agents").status()).isEqualTo(200);
        }
        Awaits.until(WAIT, "the agents requests are counted", () -> sum(scrape(), "http_server_requests_seconds_count",
                "domain=\"agents\"", "method=\"GET\"", "status=\"200\"") >= requests);
        String metrics = scrape();
        assertThat(sum(metrics, "http_server_requests_seconds_bucket", "domain=\"agents\"", "le=\"+Inf\""))
                .as("a latency histogram").isGreaterThanOrEqualTo(requests);
        assertThat(sum(metrics, "jvm_memory_used_bytes")).isPositive();
        assertThat(sum(metrics, "jvm_threads_live_threads")).isPositive();
        assertThat(sum(metrics, "eliza_bundles", "state=\"active\"")).isGreaterThan(20);
        assertThat(metrics).contains("eliza_bundles{state=\"resolved\"}");
    }

    @Test
    void anAnsweredMessageIsAModelCallAndAReplyAndThePoolAndPluginsAreMeasured() throws Exception {
        String agentId = http.json("POST", "/api/agents", "{\"agent\":{\"name\":\"Gauge\",\"bio\":[\"Counts.\"]}}")
                .json().at("/data/id").asText();
        assertThat(http.json("POST", "/api/agents/" + agentId + "/start", "").status()).isEqualTo(200);
        String user = UUID.randomUUID().toString();
        Http.Reply channel = http.json("POST", "/api/messaging/channels", "{\"name\":\"metrics\",\"type\":\"GROUP\","
                + "\"message_server_id\":\"" + SERVER + "\",\"participantCentralUserIds\":[\"" + user + "\",\""
                + agentId + "\"]}");
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        Http.Reply posted = http.json("POST", "/api/messaging/channels/" + channel.json().at("/data/id").asText()
                + "/messages", "{\"author_id\":\"" + user + "\",\"content\":\"I feel tired\","
                + "\"message_server_id\":\"" + SERVER + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);

        Awaits.until(Duration.ofSeconds(60), "the reply is counted", () ->
                sum(scrape(), "eliza_deliveries_total", "state=\"replied\"") >= 1);
        String metrics = scrape();
        assertThat(sum(metrics, "eliza_model_calls_seconds_count", "outcome=\"success\"")).isGreaterThanOrEqualTo(1);
        assertThat(sum(metrics, "eliza_model_tokens_total", "kind=\"completion\"")).isPositive();
        assertThat(sum(metrics, "eliza_deliveries_total", "state=\"processing\"")).isGreaterThanOrEqualTo(1);
        assertThat(sum(metrics, "hikaricp_connections", "pool=\"eliza\"")).isPositive();
        assertThat(sum(metrics, "hikaricp_connections_usage_seconds_count")).isPositive();
        assertThat(sum(metrics, "eliza_plugins", "state=\"started\"")).as("the shipped plugins")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSocketIoConnectionAndItsEventsAreMeasured() throws Exception {
        EngineIoClient client = new EngineIoClient(PLATFORM.process().port());
        String sid = client.handshake();
        assertThat(client.post(sid, "40{\"entityId\":\"" + UUID.randomUUID() + "\",\"apiKey\":\"" + KEY + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(client.poll(sid).body()).startsWith("40");
        assertThat(client.post(sid, "42[\"no-such-event\",{}]").statusCode()).isEqualTo(200);

        Awaits.until(WAIT, "the event is counted", () ->
                sum(scrape(), "eliza_socketio_events_total", "event=\"other\"") >= 1);
        assertThat(sum(scrape(), "eliza_socketio_connections")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aModuleRestartIsASwap() throws Exception {
        double before = sum(scrape(), "eliza_swaps_seconds_count");
        assertThat(http.json("POST", "/api/server/modules/agents/restart", "").status()).isEqualTo(200);
        Awaits.until(WAIT, "the swap is counted", () -> sum(scrape(), "eliza_swaps_seconds_count") == before + 1);
        assertThat(sum(scrape(), "eliza_swaps_seconds_sum")).isPositive();
    }

    @Test
    void theOtherBundlesServeWithoutTheMetricsBundleAndRecordAgainWhenItIsBack() throws Exception {
        assertThat(http.json("POST", "/api/server/modules/metrics/stop", "").status()).isEqualTo(200);
        // the path is the web client's (its single-page fallback) while no bundle serves it
        assertThat(http.get("/metrics").body()).doesNotContain("# TYPE");
        assertThat(http.get("/api/agents").status()).isEqualTo(200);

        assertThat(http.json("POST", "/api/server/modules/metrics/start", "").status()).isEqualTo(200);
        assertThat(http.get("/api/agents").status()).isEqualTo(200);
        Awaits.until(WAIT, "requests are recorded into the new registry", () ->
                sum(scrape(), "http_server_requests_seconds_count", "domain=\"agents\"") >= 1);
        assertThat(sum(scrape(), "hikaricp_connections", "pool=\"eliza\"")).as("the pool's gauges are back")
                .isPositive();
    }

    private static String scrape() throws Exception {
        Http.Reply reply = http.get("/metrics");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    /** The sum of the samples of {@code name} whose labels contain every one of {@code labels}; 0 when none. */
    private static double sum(String metrics, String name, String... labels) {
        Matcher sample = SAMPLE.matcher(metrics);
        double total = 0;
        while (sample.find()) {
            String labelText = sample.group(2) == null ? "" : sample.group(2);
            boolean matches = sample.group(1).equals(name);
            for (String label : labels) {
                matches &= labelText.contains(label);
            }
            if (matches) {
                total += Double.parseDouble(sample.group(3));
            }
        }
        return total;
    }
}
