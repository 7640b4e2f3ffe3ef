package dev.eliza.http.impl;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;

/**
 * Reads to its end the body of a request refused before its body was read (an upload for an unknown agent, a type
 * refused from the headers), before the error is written. Otherwise Jetty closes the connection on the unread body
 * while the client is still sending it, and the client sees a reset instead of the error (Node's fetch reports
 * "fetch failed"). The read is bounded by {@code MAX_BODY_BYTES}, which Jetty's size limit enforces on every body.
 */
final class RefusedBodyDrain implements ContainerResponseFilter {
    private static final int CHUNK = 16 * 1024;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || !hasBody(request)) {
            return;
        }
        byte[] chunk = new byte[CHUNK];
        try {
            InputStream body = servletRequest.getInputStream();
            while (body.read(chunk) >= 0) {
                // discarded: only the end of the body matters
            }
        } catch (IOException | IllegalStateException e) {
            // over the size limit, or already failed: Jetty closes the connection after the error, as before
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }
}
