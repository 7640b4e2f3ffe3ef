package dev.eliza.it.probe;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** Answers every text frame with {@code echo: <text>}. */
public final class EchoListener implements Session.Listener.AutoDemanding {
    private Session session;

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        session.sendText("echo: " + message, Callback.NOOP);
    }
}
