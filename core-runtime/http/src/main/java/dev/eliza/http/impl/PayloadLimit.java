package dev.eliza.http.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.eclipse.jetty.http.HttpException;

import dev.eliza.http.api.ApiException;

/**
 * Recognises Jetty's refusal of a request body (over the size limit, broken chunking) inside a failure, so it
 * reaches the client as a 4xx envelope: the client's mistake, not the server's.
 */
final class PayloadLimit {
    private PayloadLimit() {
    }

    static RuntimeException translate(IOException failure) {
        Optional<ApiException> mistake = clientMistake(failure);
        return mistake.isPresent() ? mistake.get() : new UncheckedIOException(failure);
    }

    /** The 413 (or 400 for another refusal) that Jetty's rejection of the body anywhere in the causes stands for. */
    static Optional<ApiException> clientMistake(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return Optional.of(http.getCode() == 413 ? tooLarge()
                        : ApiException.badRequest("BAD_REQUEST", "Malformed request body"));
            }
        }
        return Optional.empty();
    }

    static ApiException tooLarge() {
        return new ApiException(413, "PAYLOAD_TOO_LARGE", "Request body is larger than the server accepts");
    }
}
