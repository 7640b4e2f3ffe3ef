package dev.eliza.sdk;

/**
 * The part of the platform a plugin called is not running right now (its module is stopped or being updated). Try
 * again later; a route may let it propagate, the platform answers 503.
 */
public class PlatformUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception saying what is unavailable. */
    public PlatformUnavailableException(String message) {
        super(message);
    }
}
