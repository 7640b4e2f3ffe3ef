package dev.eliza.http.impl;

import java.util.Map;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Puts a contribution's WebSocket endpoints in front of its JAX-RS container: upgrade requests to a mapped path
 * are taken by a context of their own (one WebSocket container per contribution); everything else falls through
 * to the servlet context. Stopping the mount closes its open connections with 1001 (going away).
 */
final class WebSocketEndpoints extends Handler.Sequence {
    private final ServerWebSocketContainer container;

    private WebSocketEndpoints(ContextHandler sockets, WebSocketUpgradeHandler upgrades, Handler rest) {
        super(sockets, rest);
        this.container = upgrades.getServerWebSocketContainer();
    }

    static Handler inFrontOf(Handler rest, Map<String, WebSocketCreator> endpoints, Server server) {
        if (endpoints.isEmpty()) {
            return rest;
        }
        ContextHandler sockets = new ContextHandler("/");
        sockets.setAllowNullPathInContext(true);
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, sockets,
                container -> endpoints.forEach(container::addMapping));
        sockets.setHandler(upgrades);
        return new WebSocketEndpoints(sockets, upgrades, rest);
    }

    @Override
    protected void doStop() throws Exception {
        container.getOpenSessions().forEach(session ->
                session.close(StatusCode.SHUTDOWN, "Module stopped", Callback.NOOP));
        super.doStop();
    }
}
