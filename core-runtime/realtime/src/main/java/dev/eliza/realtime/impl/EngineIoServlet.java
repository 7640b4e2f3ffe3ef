package dev.eliza.realtime.impl;

import java.io.IOException;

import io.socket.engineio.server.EngineIoServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Engine.IO long polling: every {@code /socket.io/} HTTP request goes to the Engine.IO server. */
final class EngineIoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient EngineIoServer engine;

    EngineIoServlet(EngineIoServer engine) {
        this.engine = engine;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        engine.handleRequest(request, response);
    }
}
