package dev.eliza.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics}: every meter of the registry in the Prometheus text format (version 0.0.4), or in
 * OpenMetrics 1.0 when the scraper's {@code Accept} asks for {@code application/openmetrics-text}.
 */
final class ScrapeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String OPENMETRICS = "application/openmetrics-text";

    private final transient PrometheusMeterRegistry registry;

    ScrapeServlet(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean openMetrics = Optional.ofNullable(request.getHeader("Accept")).filter(a -> a.contains(OPENMETRICS))
                .isPresent();
        String contentType = openMetrics ? OpenMetricsTextFormatWriter.CONTENT_TYPE
                : PrometheusTextFormatWriter.CONTENT_TYPE;
        byte[] body = registry.scrape(contentType).getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
