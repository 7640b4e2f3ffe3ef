package dev.eliza.http.api;

import java.util.Optional;

/**
 * A client-visible failure with an HTTP status, an ElizaOS error code and a message. Thrown by resources and
 * services; rendered once by the HTTP bundle in the route family's envelope, never as a stack trace.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Object details;

    /** A failure without details. */
    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** A failure whose {@code details} (a string or a JSON-serialisable object) is shown to the client. */
    public ApiException(int status, String code, String message, Object details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    /** 400 with the given code. */
    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    /** 404 with the given code. */
    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** The ElizaOS error code, for example {@code INVALID_ID}. */
    public String code() {
        return code;
    }

    /** Extra information for the client, if any. */
    public Optional<Object> details() {
        return Optional.ofNullable(details);
    }
}
