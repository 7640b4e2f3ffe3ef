package dev.eliza.server.impl;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers {@code GET /api/server/ping} without JAX-RS: monitors and load balancers call it at high rates, and for a
 * route this small Jersey's per-request routing and injection are over half of the CPU it costs. Every other
 * method (HEAD, OPTIONS, the 405s) goes on to {@link ServerResource}, which stays the route's definition and the
 * source of its OpenAPI entry.
 */
final class PingFilter implements Filter {
    static final String PATH = "/api/server/ping";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HealthReports reports;

    PingFilter(HealthReports reports) {
        this.reports = reports;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && "GET".equals(http.getMethod())
                && response instanceof HttpServletResponse answer) {
            byte[] body = JSON.writeValueAsBytes(reports.pong());
            answer.setContentType("application/json");
            answer.setContentLength(body.length);
            answer.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }
}
