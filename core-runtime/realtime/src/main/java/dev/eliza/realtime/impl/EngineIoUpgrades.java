package dev.eliza.realtime.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

import io.socket.engineio.server.EngineIoServer;

/**
 * WebSocket upgrades at {@code /socket.io/}: checked like polling requests and refused before the upgrade with
 * the Engine.IO error (the library would accept the connection, then close it without a word). {@code
 * permessage-deflate} is declined, as the Socket.IO server ElizaOS runs declines it by default: compressing every
 * frame for every receiver would undo the one encode per broadcast (a thousand deflates of the same bytes).
 */
final class EngineIoUpgrades implements WebSocketCreator {
    private static final String PER_MESSAGE_DEFLATE = "permessage-deflate";

    private final EngineIoServer engine;
    private final EngineSessions sessions;
    private final RealtimeSettings settings;

    EngineIoUpgrades(EngineIoServer engine, EngineSessions sessions, RealtimeSettings settings) {
        this.engine = engine;
        this.sessions = sessions;
        this.settings = settings;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        EngineIoQuery query = EngineIoQuery.parse(request.getHttpURI().getQuery());
        Optional<EngineSession> session = query.get("sid").flatMap(sessions::find);
        // An upgrade is a GET over HTTP/1.1 whatever the HTTP/2 method that carried it.
        Optional<EngineIoError> error = EngineIoRequestCheck.check("GET", query, true, session);
        if (error.isPresent()) {
            response.setStatus(error.get().status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            Content.Sink.write(response, true, error.get().json(), callback);
            return null;
        }
        if (request.getExtensions().stream().anyMatch(offer -> PER_MESSAGE_DEFLATE.equals(offer.getName()))) {
            // Only when the client offered it: an upgrade that offers nothing is left as Jetty negotiates it.
            response.setExtensions(response.getExtensions().stream()
                    .filter(extension -> !PER_MESSAGE_DEFLATE.equals(extension.getName())).toList());
        }
        Map<String, List<String>> headers = new HashMap<>();
        request.getHeaders().forEach(field -> headers.computeIfAbsent(field.getName(), k -> new ArrayList<>())
                .add(field.getValue()));
        return new JettyEngineIoWebSocket(engine, query.values(), headers, settings);
    }
}
