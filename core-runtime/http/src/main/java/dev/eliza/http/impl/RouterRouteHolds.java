package dev.eliza.http.impl;

import org.osgi.framework.Bundle;

import dev.eliza.http.api.RouteHolds;

/** {@link RouteHolds} as swap windows of the router, by the owner's symbolic name as mounts record it. */
final class RouterRouteHolds implements RouteHolds {
    private final DomainRouter router;

    RouterRouteHolds(DomainRouter router) {
        this.router = router;
    }

    @Override
    public Hold hold(Bundle owner) {
        return router.openWindow(owner.getSymbolicName())::close;
    }
}
