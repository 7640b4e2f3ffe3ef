package dev.eliza.http.impl;

import java.util.Optional;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Turns Jersey's own rejections (no such route, wrong method, wrong content type, unparsable parameter) into the
 * ElizaOS bodies instead of Jersey's HTML or empty defaults.
 */
final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    private ResourceInfo resource;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        if (e instanceof NotFoundException) {
            return json(404, DomainRouter.API_NOT_FOUND);
        }
        if (e instanceof NotSupportedException) {
            return error(415, "INVALID_CONTENT_TYPE", "Invalid or missing Content-Type header");
        }
        if (e instanceof NotAllowedException) {
            return error(405, "METHOD_NOT_ALLOWED", "Method not allowed on this route");
        }
        int status = original.getStatus();
        if (status >= 500) {
            throw e;
        }
        return error(status, status == 400 ? "BAD_REQUEST" : "HTTP_" + status,
                Optional.ofNullable(original.getStatusInfo().getReasonPhrase()).orElse("Request rejected"));
    }

    private Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBodies.render(ErrorBodies.styleOf(resource.getResourceClass()), code, message,
                        Optional.empty()))
                .build();
    }

    private static Response json(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
