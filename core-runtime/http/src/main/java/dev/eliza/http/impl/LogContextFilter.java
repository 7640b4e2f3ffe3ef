package dev.eliza.http.impl;

import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.MDC;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Puts the ids a route names in its path ({@code agentId}, {@code sessionId}, {@code channelId}, {@code roomId}) in
 * the log context while the resource runs, for every domain at once, so what a resource or an error mapper logs says
 * which agent, session or channel it was about. Only id-shaped values are kept: a path is the client's text.
 */
final class LogContextFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final List<String> KEYS = List.of("agentId", "sessionId", "channelId", "roomId");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Override
    public void filter(ContainerRequestContext request) {
        for (String key : KEYS) {
            String value = request.getUriInfo().getPathParameters().getFirst(key);
            if (value != null && ID.matcher(value).matches()) {
                MDC.put(key, value);
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        KEYS.forEach(MDC::remove);
    }
}
