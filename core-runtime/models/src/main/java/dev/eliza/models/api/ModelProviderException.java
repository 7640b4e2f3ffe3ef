package dev.eliza.models.api;

/**
 * A provider could not answer. {@link #retryable()} says whether trying again later may help (a timeout, a 429 or
 * a 5xx) or not (a missing key, an unknown model, a 4xx).
 */
public class ModelProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    /** A failure described by {@code message}; the message must not contain a secret. */
    public ModelProviderException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** A failure without a cause. */
    public ModelProviderException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    /** Whether trying again may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
