package dev.eliza.realtime.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.socket.engineio.server.EngineIoServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Engine.IO long polling at {@code /socket.io/}. Each request is checked first ({@link EngineIoRequestCheck}, at
 * most one waiting poll per session, bounded and well-formed bodies) and answered with an Engine.IO error when it
 * breaks the protocol; only well-formed requests reach the Engine.IO library, which answers 500 or throws on the
 * others.
 */
final class EngineIoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EngineIoServlet.class);

    private final transient EngineIoServer engine;
    private final transient EngineSessions sessions;
    private final int maxPayloadBytes;

    EngineIoServlet(EngineIoServer engine, EngineSessions sessions, int maxPayloadBytes) {
        this.engine = engine;
        this.sessions = sessions;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EngineIoQuery query = EngineIoQuery.parse(request.getQueryString());
        Optional<EngineSession> session = query.get("sid").flatMap(sessions::find);
        Optional<EngineIoError> error = EngineIoRequestCheck.check(request.getMethod(), query, false, session);
        if (error.isPresent()) {
            answer(response, error.get());
        } else if (session.isEmpty()) {
            sessions.handshake(() -> handle(EngineIoRequests.canonical(request, query), response));
        } else if ("GET".equals(request.getMethod())) {
            poll(request, response, query, session.get());
        } else {
            post(request, response, query, session.get());
        }
    }

    private void poll(HttpServletRequest request, HttpServletResponse response, EngineIoQuery query,
                      EngineSession session) throws IOException {
        long ticket = session.startPoll();
        if (ticket == 0) {
            // A second poll while one waits: the reference answers 400 and closes the session.
            answer(response, EngineIoError.BAD_REQUEST);
            session.close();
            return;
        }
        ParkedPoll parked = new ParkedPoll(response, () -> session.endPoll(ticket));
        try {
            handle(EngineIoRequests.canonical(request, query), parked.forLibrary());
        } finally {
            if (!request.isAsyncStarted()) {
                session.endPoll(ticket);
            } else if (session.isClosed()) {
                // Closed while the library waited for the session's lock: it parked this poll and will not answer.
                parked.answerClosed(request);
            }
        }
    }

    private void post(HttpServletRequest request, HttpServletResponse response, EngineIoQuery query,
                      EngineSession session) throws IOException {
        if (request.getContentLengthLong() > maxPayloadBytes) {
            answer(response, EngineIoError.PAYLOAD_TOO_LARGE);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(maxPayloadBytes + 1);
        } catch (IOException e) {
            LOG.debug("Unreadable polling body on session {}: {}", query.get("sid").orElse(""), e.toString());
            answer(response, EngineIoError.BAD_REQUEST);
            return;
        }
        if (body.length > maxPayloadBytes) {
            answer(response, EngineIoError.PAYLOAD_TOO_LARGE);
        } else if (!EngineIoPayload.isValidPayload(new String(body, StandardCharsets.UTF_8))) {
            // The reference closes a session that sends what it cannot decode.
            answer(response, EngineIoError.BAD_REQUEST);
            session.close();
        } else {
            handle(EngineIoRequests.withBody(request, query, body), response);
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            engine.handleRequest(request, response);
        } catch (RuntimeException e) {
            // The checks should leave the library nothing to throw on; if it still does, the input was bad.
            LOG.warn("Engine.IO library failed on a checked request ({} {}): {}", request.getMethod(),
                    request.getQueryString(), e.toString(), e);
            if (!response.isCommitted()) {
                response.reset();
                answer(response, EngineIoError.BAD_REQUEST);
            }
        }
    }

    static void answer(HttpServletResponse response, EngineIoError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(error.json());
    }
}
