package dev.eliza.http.api;

import org.osgi.framework.Bundle;

/**
 * Lets a bundle replace its own routes without clients seeing a 404, as the modules API does for a bundle restart:
 * while a {@link Hold} is open, a prefix of the owner's that is unmounted is held, so requests to it wait for a
 * contribution that serves it again (up to the server's hold bound, then 503 + {@code Retry-After}). Closing the
 * hold releases what is still held; those requests get a 503 too. A service of the HTTP bundle.
 *
 * <pre>{@code
 * try (RouteHolds.Hold hold = holds.hold(context.getBundle())) {
 *     oldRegistration.unregister();
 *     newRegistration = context.registerService(DomainContribution.class, replacement, null);
 * }
 * }</pre>
 *
 * <p>Holds are per owner bundle: one open hold covers every contribution the bundle registered, and only the
 * prefixes unmounted while it is open. Opening a second hold for the same bundle replaces the first.
 */
public interface RouteHolds {

    /** Opens a hold on the routes {@code owner} unmounts until the hold is closed. */
    Hold hold(Bundle owner);

    /** An open hold; closing it twice is harmless. */
    interface Hold extends AutoCloseable {
        @Override
        void close();
    }
}
