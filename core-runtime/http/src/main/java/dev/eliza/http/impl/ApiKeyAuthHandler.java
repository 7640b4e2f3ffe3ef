package dev.eliza.http.impl;

import java.util.function.Predicate;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Requires {@code X-API-KEY} on every path when a key is configured, except CORS preflights ({@code OPTIONS}, as
 * in ElizaOS) and the paths a contribution declared open (health checks, the Socket.IO handshake, which checks the
 * key itself). Deny by default: a route added later cannot forget authentication, and a path nobody serves answers
 * 401 too, so it reveals nothing. The 401 body is the one ElizaOS clients expect.
 */
final class ApiKeyAuthHandler extends Handler.Wrapper {
    static final String UNAUTHORIZED_BODY =
            "{\"error\":\"API key required\",\"message\":\"Missing or invalid X-API-KEY header\"}";

    /** Request attribute set when the request carried the configured key, for checks further in. */
    static final String AUTHENTICATED = "dev.eliza.http.authenticated";

    private final ApiKey key;
    private final Predicate<String> open;

    ApiKeyAuthHandler(ApiKey key, Predicate<String> open, Handler next) {
        super(next);
        this.key = key;
        this.open = open;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (key.presentedBy(request)) {
            request.setAttribute(AUTHENTICATED, Boolean.TRUE);
        } else if (!HttpMethod.OPTIONS.is(request.getMethod()) && !open.test(Request.getPathInContext(request))) {
            JsonResponses.write(response, 401, UNAUTHORIZED_BODY, callback);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
