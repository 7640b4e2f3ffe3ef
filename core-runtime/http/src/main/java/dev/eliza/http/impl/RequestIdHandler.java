package dev.eliza.http.impl;

import java.util.UUID;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives every response an {@code X-Request-Id}: the caller's own, when it sent a sane one, else a fresh UUID. The
 * id is also a request attribute so error logs can carry it.
 */
final class RequestIdHandler extends Handler.Wrapper {
    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "eliza.requestId";

    RequestIdHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = request.getHeaders().get(HEADER);
        if (id == null || id.length() > 128 || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            id = UUID.randomUUID().toString();
        }
        request.setAttribute(ATTRIBUTE, id);
        response.getHeaders().put(HEADER, id);
        return super.handle(request, response, callback);
    }
}
