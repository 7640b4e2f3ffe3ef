package dev.eliza.http.impl;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets a test speak from any client address over a {@code LocalConnector}: the request appears to come from the
 * address in its {@code X-Test-Remote} header (loopback when absent).
 */
final class RateLimitRemoteAddress extends Handler.Wrapper {
    static final String HEADER = "X-Test-Remote";

    RateLimitRemoteAddress(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String literal = request.getHeaders().get(HEADER);
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName(literal == null ? "127.0.0.1" : literal),
                40000);
        ConnectionMetaData meta = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return remote;
            }
        };
        return super.handle(new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return meta;
            }
        }, response, callback);
    }
}
