package dev.eliza.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class ScrapeServletTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Server server;
    private LocalConnector connector;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new ScrapeServlet(registry)), MetricsContribution.PATH);
        server.setHandler(context);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpTester.Response get(String accept) throws Exception {
        return HttpTester.parseResponse(connector.getResponse("GET /metrics HTTP/1.1\r\nHost: test\r\nAccept: "
                + accept + "\r\nConnection: close\r\n\r\n", 5, TimeUnit.SECONDS));
    }

    @Test
    void aMeterRecordedInABundlesCompositeIsScrapedInThePrometheusTextFormat() throws Exception {
        // the way other bundles record: into their own composite, which the shared registry joins later
        CompositeMeterRegistry bundle = new CompositeMeterRegistry();
        Counter calls = bundle.counter("eliza.test.calls", "kind", "x");
        calls.increment();
        bundle.add(registry);
        calls.increment(2);

        HttpTester.Response scrape = get("*/*");

        assertThat(scrape.getStatus()).isEqualTo(200);
        assertThat(scrape.get("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(scrape.getContent()).contains("eliza_test_calls_total{kind=\"x\"} 2.0");
    }

    @Test
    void anOpenMetricsScraperGetsOpenMetrics() throws Exception {
        registry.counter("eliza.test.calls").increment();

        HttpTester.Response scrape = get("application/openmetrics-text; version=1.0.0");

        assertThat(scrape.get("Content-Type")).startsWith("application/openmetrics-text");
        assertThat(scrape.getContent()).contains("eliza_test_calls_total 1.0").endsWith("# EOF\n");
    }
}
