package dev.eliza.sdk;

/**
 * A {@link ModelProviderExtension} could not answer. {@link #retryable()} says whether trying again later may
 * help (a timeout, a rate limit) or not (a missing key, an unknown model): the agent runtime retries only the
 * former. The message is shown to users and logged; it must not contain a secret.
 */
public class ModelProviderFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    /** A failure described by {@code message}. */
    public ModelProviderFailure(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public ModelProviderFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether trying again may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
