package dev.eliza.realtime.impl;

import java.util.Optional;

/**
 * Decides whether an Engine.IO request may reach the Engine.IO library, in the order the reference server checks:
 * query, transport, then either the session ({@code sid}) or the handshake (method, transport, protocol version).
 * Whatever it lets through is a request the library handles without throwing.
 */
final class EngineIoRequestCheck {
    static final String POLLING = "polling";
    static final String WEBSOCKET = "websocket";

    private EngineIoRequestCheck() {
    }

    /**
     * @param method the HTTP method
     * @param query the parsed query
     * @param upgrade whether this is a WebSocket upgrade request
     * @param session the open session the query's {@code sid} names, if any
     * @return the error to answer, or empty when the request is well formed
     */
    static Optional<EngineIoError> check(String method, EngineIoQuery query, boolean upgrade,
                                         Optional<EngineSession> session) {
        if (query.malformed() || query.ambiguous()) {
            return Optional.of(EngineIoError.BAD_REQUEST);
        }
        String transport = query.get("transport").orElse("");
        if (!POLLING.equals(transport) && !WEBSOCKET.equals(transport)) {
            return Optional.of(EngineIoError.UNKNOWN_TRANSPORT);
        }
        if (query.get("sid").isEmpty()) {
            return checkHandshake(method, transport, query, upgrade);
        }
        return session.isEmpty() ? Optional.of(EngineIoError.UNKNOWN_SID)
                : checkSession(method, transport, session.get(), query, upgrade);
    }

    private static Optional<EngineIoError> checkSession(String method, String transport, EngineSession session,
                                                        EngineIoQuery query, boolean upgrade) {
        if (upgrade) {
            // The library picks the upgraded transport's parser from this request's EIO, so it must be v4 too.
            boolean upgradable = WEBSOCKET.equals(transport) && POLLING.equals(session.transport());
            return upgradable && isV4(query) ? Optional.empty() : Optional.of(EngineIoError.BAD_REQUEST);
        }
        if (!transport.equals(session.transport())) {
            return Optional.of(EngineIoError.BAD_REQUEST);
        }
        // The reference answers other methods on a session with a bare 500; they are the client's mistake.
        return "GET".equals(method) || "POST".equals(method) ? Optional.empty()
                : Optional.of(EngineIoError.BAD_REQUEST);
    }

    private static Optional<EngineIoError> checkHandshake(String method, String transport, EngineIoQuery query,
                                                          boolean upgrade) {
        if (!"GET".equals(method)) {
            return Optional.of(EngineIoError.BAD_HANDSHAKE_METHOD);
        }
        if (WEBSOCKET.equals(transport) != upgrade) {
            return Optional.of(EngineIoError.BAD_REQUEST);
        }
        return isV4(query) ? Optional.empty() : Optional.of(EngineIoError.UNSUPPORTED_PROTOCOL_VERSION);
    }

    private static boolean isV4(EngineIoQuery query) {
        return query.get("EIO").filter("4"::equals).isPresent();
    }
}
