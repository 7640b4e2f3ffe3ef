package dev.eliza.http.impl;

/**
 * The time during which one bundle's routes are being replaced (restart or update). While it is open, a route of
 * that bundle that goes away is held: requests to it wait for the route to come back instead of getting a 404.
 * Closing the window releases whatever is still held; those requests then get a 503.
 */
final class SwapWindow implements AutoCloseable {
    private final String owner;
    private final DomainRouter router;

    SwapWindow(String owner, DomainRouter router) {
        this.owner = owner;
        this.router = router;
    }

    String owner() {
        return owner;
    }

    @Override
    public void close() {
        router.closeWindow(this);
    }
}
