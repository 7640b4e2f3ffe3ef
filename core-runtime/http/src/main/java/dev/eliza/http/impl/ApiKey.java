package dev.eliza.http.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.eclipse.jetty.server.Request;

/** The configured {@code X-API-KEY}, compared in constant time; {@link #NONE} when no key is configured. */
final class ApiKey {
    static final String HEADER = "X-API-KEY";
    static final ApiKey NONE = new ApiKey(Optional.empty());

    private final Optional<byte[]> expected;

    private ApiKey(Optional<byte[]> expected) {
        this.expected = expected;
    }

    static ApiKey of(Optional<String> token) {
        return token.map(t -> new ApiKey(Optional.of(t.getBytes(StandardCharsets.UTF_8)))).orElse(NONE);
    }

    boolean configured() {
        return expected.isPresent();
    }

    /** Whether a key is configured and the request carries it. */
    boolean presentedBy(Request request) {
        if (expected.isEmpty()) {
            return false;
        }
        String presented = request.getHeaders().get(HEADER);
        byte[] given = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected.get(), given);
    }
}
