package dev.eliza.http.impl;

import dev.eliza.http.api.ApiException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Renders a resource's {@link ApiException} in its family's envelope. */
final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Context
    private ResourceInfo resource;

    @Override
    public Response toResponse(ApiException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBodies.render(ErrorBodies.styleOf(resource.getResourceClass()), e.code(),
                        e.getMessage(), e.details()))
                .build();
    }
}
