package dev.eliza.pluginhost;

import java.util.Map;

import dev.eliza.sdk.PlatformUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A plugin route that called a platform module which is not running (and let the SDK's exception through)
 * answers 503 in the ElizaOS envelope, as the SDK promises, instead of a 500.
 */
public final class PlatformUnavailableMapper implements ExceptionMapper<PlatformUnavailableException> {

    @Override
    public Response toResponse(PlatformUnavailableException exception) {
        return unavailable(exception.getMessage());
    }

    /** The 503 of plugin routes, in their envelope, with a {@code Retry-After}. */
    static Response unavailable(String message) {
        return Response.status(503).header("Retry-After", "5").type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("success", false, "error", Map.of("code", "SERVICE_UNAVAILABLE",
                        "message", message))).build();
    }
}
