package dev.eliza.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.eliza.http.api.DomainContribution;

import jakarta.servlet.Servlet;

/** {@code /metrics} on the shared server; behind the API key like every path not declared public. */
final class MetricsContribution implements DomainContribution {
    static final String PATH = "/metrics";

    private final Servlet scrape;

    MetricsContribution(Servlet scrape) {
        this.scrape = scrape;
    }

    @Override
    public String domain() {
        return "metrics";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(PATH);
    }

    @Override
    public Set<Object> resources() {
        return Set.of();
    }

    @Override
    public Map<String, Servlet> servlets() {
        return Map.of(PATH, scrape);
    }
}
