package dev.eliza.http.api;

import java.net.URI;

/**
 * The running HTTP server, registered as a service once it listens. Its service properties repeat the facts for
 * code that cannot load this class (the bootstrap): {@code url}, {@code authRequired}, {@code mounts}
 * ({@code domain=prefix} strings, updated as domains come and go) and {@code ready}.
 */
public interface HttpEndpoint {

    /** The base URL clients reach the server at, for example {@code http://127.0.0.1:3000}. */
    URI url();

    /** Whether {@code /api/**} requires the {@code X-API-KEY} header. */
    boolean authRequired();

    /**
     * Whether start-up is over: every active bundle that declares routes ({@code Eliza-Domain} or
     * {@code Eliza-Contributes} manifest headers naming its domains) has mounted them, or the start-up grace time has
     * passed. Until then, paths nobody serves yet answer 503 with {@code Retry-After} instead of 404.
     */
    boolean ready();
}
