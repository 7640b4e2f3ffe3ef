package dev.eliza.http.impl;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises itself (oversized body, unparsable request line, failures outside any domain) answered in the
 * standard ElizaOS error envelope instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object attribute = request.getAttribute(ERROR_STATUS);
        int status = attribute instanceof Integer code ? code : response.getStatus();
        String body = switch (status) {
            case 404 -> DomainRouter.API_NOT_FOUND;
            case 413 -> JsonResponses.standardError("PAYLOAD_TOO_LARGE",
                    "Request body is larger than the server accepts");
            case 400 -> JsonResponses.standardError("BAD_REQUEST", "Malformed request");
            case 503 -> JsonResponses.standardError("SERVICE_UNAVAILABLE", "Server is not ready; retry shortly");
            default -> status >= 500
                    ? JsonResponses.standardError("INTERNAL_ERROR", "Internal server error")
                    : JsonResponses.standardError("HTTP_" + status, "Request rejected");
        };
        JsonResponses.write(response, status, body, callback);
        return true;
    }
}
