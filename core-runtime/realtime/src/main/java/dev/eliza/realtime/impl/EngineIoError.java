package dev.eliza.realtime.impl;

/**
 * The Engine.IO server's protocol errors, answered as {@code {"code":N,"message":"..."}} with the status the
 * reference server uses (400, 403 for {@link #FORBIDDEN}); {@link #PAYLOAD_TOO_LARGE} is a bad request of the
 * size kind, answered 413 as the reference answers an oversized polling body.
 */
enum EngineIoError {
    UNKNOWN_TRANSPORT(0, "Transport unknown", 400),
    UNKNOWN_SID(1, "Session ID unknown", 400),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method", 400),
    BAD_REQUEST(3, "Bad request", 400),
    FORBIDDEN(4, "Forbidden", 403),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version", 400),
    PAYLOAD_TOO_LARGE(3, "Payload too large", 413);

    private final int code;
    private final String message;
    private final int status;

    EngineIoError(int code, String message, int status) {
        this.code = code;
        this.message = message;
        this.status = status;
    }

    int code() {
        return code;
    }

    String message() {
        return message;
    }

    int status() {
        return status;
    }

    /** The response body; the messages are constants, so no escaping is needed. */
    String json() {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
    }
}
