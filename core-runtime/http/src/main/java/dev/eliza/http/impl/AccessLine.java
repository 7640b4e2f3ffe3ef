package dev.eliza.http.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * One request as the access log shows it. The path is the raw path without its query (a query may carry a key or a
 * token); no header is kept. {@code -} stands for what is not known (a request refused before it was routed has no
 * domain).
 */
record AccessLine(String requestId, String method, String path, String domain, int status, long durationMs,
                  long bytes) {
    static final String UNKNOWN = "-";

    static AccessLine of(Request request, Response response, long durationMs) {
        return new AccessLine(attribute(request, RequestIdHandler.ATTRIBUTE), request.getMethod(),
                request.getHttpURI().getPath(), attribute(request, AccessLog.DOMAIN_ATTRIBUTE), response.getStatus(),
                durationMs, Response.getContentBytesWritten(response));
    }

    /** The text line: {@code GET /api/agents 200 12ms 345B agents}. */
    String text() {
        return method + " " + path + " " + status + " " + durationMs + "ms " + bytes + "B " + domain;
    }

    /** The same facts as log-context fields, so that JSON lines carry them as values of their own. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", requestId);
        fields.put("method", method);
        fields.put("path", path);
        fields.put("domain", domain);
        fields.put("status", String.valueOf(status));
        fields.put("durationMs", String.valueOf(durationMs));
        fields.put("bytes", String.valueOf(bytes));
        return fields;
    }

    private static String attribute(Request request, String name) {
        return request.getAttribute(name) instanceof String value ? value : UNKNOWN;
    }
}
