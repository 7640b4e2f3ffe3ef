package dev.eliza.audio.api;

/**
 * A provider could not synthesize or transcribe; {@link #reason()} tells the audio domain which status to answer.
 * The message is shown to the client and must not contain a secret.
 */
public class AudioProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the provider failed. */
    public enum Reason {
        /** It cannot work here: a program, package or setting is missing (503). */
        UNAVAILABLE,
        /** The input cannot be handled: undecodable audio, an unknown voice (422). */
        INVALID_INPUT,
        /** The input is over the provider's bounds: too long a recording (413). */
        TOO_LARGE,
        /** It tried and failed: the program crashed or timed out, the remote service refused (502). */
        FAILED
    }

    private final Reason reason;

    /** A failure for {@code reason}, described by {@code message}. */
    public AudioProviderException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** A failure for {@code reason} with its cause. */
    public AudioProviderException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }
}
