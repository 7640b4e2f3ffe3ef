package dev.eliza.http.api;

/**
 * The ElizaOS success envelope {@code {"success":true,"data":...}}.
 *
 * @param success always {@code true}
 * @param data the payload
 * @param <T> the payload type
 */
public record ApiSuccess<T>(boolean success, T data) {

    /** Wraps {@code data} in the success envelope. */
    public static <T> ApiSuccess<T> of(T data) {
        return new ApiSuccess<>(true, data);
    }
}
