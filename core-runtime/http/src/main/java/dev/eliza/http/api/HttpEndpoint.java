package dev.eliza.http.api;

import java.net.URI;

/**
 * The running HTTP server, registered as a service once it listens. Its service properties repeat the facts for
 * code that cannot load this class (the bootstrap): {@code url}, {@code authRequired}, and {@code mounts}
 * ({@code domain=prefix} strings, updated as domains come and go).
 */
public interface HttpEndpoint {

    /** The base URL clients reach the server at, for example {@code http://127.0.0.1:3000}. */
    URI url();

    /** Whether {@code /api/**} requires the {@code X-API-KEY} header. */
    boolean authRequired();
}
