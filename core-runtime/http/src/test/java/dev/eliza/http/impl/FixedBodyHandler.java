package dev.eliza.http.impl;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A domain stand-in answering every request with one JSON body. */
final class FixedBodyHandler extends Handler.Abstract {
    private final String body;

    FixedBodyHandler(String body) {
        this.body = body;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        JsonResponses.write(response, 200, body, callback);
        return true;
    }
}
