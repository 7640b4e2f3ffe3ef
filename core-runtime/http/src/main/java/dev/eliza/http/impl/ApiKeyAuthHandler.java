package dev.eliza.http.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Requires {@code X-API-KEY} on {@code /api/**} when a token is configured, compared in constant time. CORS
 * preflights ({@code OPTIONS}) pass, as in ElizaOS. The 401 body is the one ElizaOS clients expect.
 */
final class ApiKeyAuthHandler extends Handler.Wrapper {
    static final String UNAUTHORIZED_BODY =
            "{\"error\":\"API key required\",\"message\":\"Missing or invalid X-API-KEY header\"}";

    private final byte[] expected;

    ApiKeyAuthHandler(String token, Handler next) {
        super(next);
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (needsKey(request) && !matches(request.getHeaders().get("X-API-KEY"))) {
            JsonResponses.write(response, 401, UNAUTHORIZED_BODY, callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    private static boolean needsKey(Request request) {
        String path = Request.getPathInContext(request);
        return !HttpMethod.OPTIONS.is(request.getMethod()) && (path.equals("/api") || path.startsWith("/api/"));
    }

    private boolean matches(String presented) {
        byte[] given = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }
}
