package dev.eliza.http.impl;

import java.io.IOException;

import org.eclipse.jetty.http.HttpException;

import dev.eliza.http.api.ApiException;

/** Recognises Jetty's body-size rejection inside an I/O failure, so it reaches the client as a 413 envelope. */
final class PayloadLimit {
    private PayloadLimit() {
    }

    static RuntimeException translate(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() == 413) {
                return tooLarge();
            }
        }
        return new java.io.UncheckedIOException(failure);
    }

    static ApiException tooLarge() {
        return new ApiException(413, "PAYLOAD_TOO_LARGE", "Request body is larger than the server accepts");
    }
}
