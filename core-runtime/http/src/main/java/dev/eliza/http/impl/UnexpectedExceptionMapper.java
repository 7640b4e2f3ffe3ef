package dev.eliza.http.impl;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.DatabaseOutage;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The last resort: any exception nothing else mapped becomes a 500 whose body carries an error id that is also
 * logged with the stack trace, so an operator can find the cause without the client ever seeing it. A database out
 * of reach is no fault of the request's: a 503 with {@code Retry-After}.
 */
final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private ResourceInfo resource;
    @Context
    private UriInfo uri;
    @Context
    private Request request;

    @Override
    public Response toResponse(Throwable failure) {
        Optional<ApiException> clientMistake = PayloadLimit.clientMistake(failure);
        if (clientMistake.isPresent()) {
            ApiException mistake = clientMistake.get();
            return Response.status(mistake.status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBodies.render(ErrorBodies.styleOf(resource.getResourceClass()), mistake.code(),
                            mistake.getMessage(), mistake.details()))
                    .build();
        }
        if (DatabaseOutage.of(failure).isPresent()) {
            LOG.warn("The database is unavailable serving {} /{}: {}", request.getMethod(), uri.getPath(),
                    DatabaseOutage.of(failure).get().getMessage());
            return Response.status(503).header("Retry-After", "5").type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBodies.render(ErrorBodies.styleOf(resource.getResourceClass()), "SERVICE_UNAVAILABLE",
                            "The database is unavailable; try again shortly", Optional.empty()))
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected failure serving {} /{} (errorId={})", request.getMethod(), uri.getPath(), errorId,
                failure);
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBodies.render(ErrorBodies.styleOf(resource.getResourceClass()), "INTERNAL_ERROR",
                        "Internal server error (error id " + errorId + ")",
                        Optional.of(Map.of("errorId", errorId))))
                .build();
    }
}
