package dev.eliza.providers.support;

import dev.eliza.models.api.ModelProviderException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/**
 * Classifies what went wrong in a call to a provider into a {@link ModelProviderException}: retryable for 408, 429,
 * 5xx, timeouts and refused or broken connections; not retryable for other 4xx (a bad key, an unknown model, a bad
 * request) and unknown hosts. The provider's own error text is kept (it says which model or parameter is wrong)
 * with the key cut out, because some providers echo part of it; the original exception is not chained, since its
 * message holds the same unredacted text.
 */
public final class Failures {
    private static final int MAX_DETAIL = 300;

    private Failures() {
    }

    /** The exception for {@code failure} of {@code provider}'s call, with {@code secret} (may be null) removed. */
    public static ModelProviderException classify(String provider, Throwable failure, String secret) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http) {
                int status = http.statusCode();
                boolean retryable = status == 408 || status == 429 || status >= 500;
                return new ModelProviderException(provider + " answered HTTP " + status + ": "
                        + detail(http.getMessage(), secret), retryable);
            }
            if (cause instanceof UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
                return new ModelProviderException(provider + " host is unknown (check its base URL setting)", false,
                        cause);
            }
            if (cause instanceof IOException || cause instanceof TimeoutException
                    || cause instanceof dev.langchain4j.exception.TimeoutException) {
                return new ModelProviderException(provider + " could not be reached: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " " + detail(cause.getMessage(), secret)), true);
            }
        }
        boolean retryable = failure instanceof RetriableException && !(failure instanceof NonRetriableException);
        return new ModelProviderException(provider + " failed: " + failure.getClass().getSimpleName() + " "
                + detail(failure.getMessage(), secret), retryable);
    }

    /** {@code text} without {@code secret}, shortened. */
    static String detail(String text, String secret) {
        if (text == null) {
            return "";
        }
        String clean = secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
        return clean.length() <= MAX_DETAIL ? clean : clean.substring(0, MAX_DETAIL) + "…";
    }
}
