package dev.eliza.http.impl;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Gives every response an {@code X-Request-Id}: the caller's own, when it sent a sane one, else a fresh UUID. The
 * id is also a request attribute so error logs and the access log can carry it, and in the log context while the
 * request is being handled on this thread.
 */
final class RequestIdHandler extends Handler.Wrapper {
    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "eliza.requestId";
    static final String MDC_KEY = "requestId";

    RequestIdHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = request.getHeaders().get(HEADER);
        if (id == null || id.length() > 128 || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            id = newId();
        }
        request.setAttribute(ATTRIBUTE, id);
        response.getHeaders().put(HEADER, id);
        // What this thread logs while it handles the request carries the id (work handed to other threads does not).
        MDC.put(MDC_KEY, id);
        try {
            return super.handle(request, response, callback);
        } finally {
            // Everything put on the way in (the route's ids too): a pooled thread takes no ids to its next request.
            MDC.clear();
        }
    }

    /** A random UUID without {@link UUID#randomUUID()}'s shared SecureRandom, which serialises busy servers. */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
