package dev.eliza.http.impl;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request to the domain mount owning the longest matching path prefix. Mounts come and go at runtime;
 * during a {@link SwapWindow} a departed route is held, so its requests wait (up to the hold bound) for the new
 * version instead of getting a 404. Paths nobody owns get the ElizaOS "not found" body.
 */
final class DomainRouter extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(DomainRouter.class);
    static final String API_NOT_FOUND =
            "{\"success\":false,\"error\":{\"message\":\"API endpoint not found\",\"code\":404}}";
    static final String NOT_FOUND = "{\"success\":false,\"error\":{\"message\":\"Not found\",\"code\":404}}";

    private final Duration hold;
    private final Duration drain;
    private volatile RouteTable<Mount> routes = RouteTable.empty();
    private volatile RouteTable<HeldRoute> held = RouteTable.empty();
    private final Map<String, SwapWindow> windows = new HashMap<>();

    DomainRouter(Duration hold, Duration drain) {
        this.hold = hold;
        this.drain = drain;
    }

    /**
     * Why {@code owner} could not mount these prefixes now: one is served, or held for another owner's swap.
     */
    synchronized Optional<String> conflict(List<String> prefixes, String owner) {
        for (String prefix : prefixes) {
            Optional<Mount> existing = routes.exact(prefix);
            if (existing.isPresent()) {
                return Optional.of("path " + prefix + " is already served by domain '" + existing.get().domain()
                        + "' of bundle " + existing.get().owner());
            }
            Optional<HeldRoute> swapping = held.exact(prefix).filter(hold -> !hold.owner().equals(owner));
            if (swapping.isPresent()) {
                return Optional.of("path " + prefix + " is held while bundle " + swapping.get().owner() + " swaps");
            }
        }
        return Optional.empty();
    }

    /** Adds a mount, or refuses it (returning the reason) when one of its prefixes is taken. */
    synchronized Optional<String> mount(Mount mount) throws Exception {
        Optional<String> conflict = conflict(mount.prefixes(), mount.owner());
        if (conflict.isPresent()) {
            return conflict;
        }
        mount.handler().setServer(getServer());
        mount.handler().start();
        RouteTable<Mount> next = routes;
        for (String prefix : mount.prefixes()) {
            next = next.with(prefix, mount);
        }
        routes = next;
        releaseHeld(mount.prefixes(), true);
        return Optional.empty();
    }

    /** Removes a mount after the requests inside it finish; held instead of gone while its owner is swapping. */
    void unmount(Mount mount) throws Exception {
        synchronized (this) {
            if (routes.values().stream().noneMatch(m -> m == mount)) {
                return;
            }
            // Hold before removing: a request that misses the route must already find the hold.
            if (windows.containsKey(mount.owner())) {
                RouteTable<HeldRoute> next = held;
                for (String prefix : mount.prefixes()) {
                    next = next.with(prefix, HeldRoute.of(prefix, mount.owner()));
                }
                held = next;
            }
            routes = routes.without(m -> m == mount);
        }
        if (!mount.closeAndDrain(drain)) {
            LOG.warn("Requests to domain '{}' still running after {} ms; stopping it anyway", mount.domain(),
                    drain.toMillis());
        }
        mount.handler().stop();
    }

    synchronized SwapWindow openWindow(String owner) {
        SwapWindow window = new SwapWindow(owner, this);
        windows.put(owner, window);
        return window;
    }

    synchronized void closeWindow(SwapWindow window) {
        if (windows.remove(window.owner(), window)) {
            List<String> stillHeld = held.values().stream().filter(h -> h.owner().equals(window.owner()))
                    .map(HeldRoute::prefix).toList();
            releaseHeld(stillHeld, false);
        }
    }

    List<Mount> mounts() {
        return routes.values();
    }

    private void releaseHeld(List<String> prefixes, boolean back) {
        for (String prefix : prefixes) {
            held.exact(prefix).ifPresent(h -> {
                held = held.without(x -> x == h);
                h.back().complete(back);
            });
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        Optional<Mount> mount = routes.match(path);
        if (mount.isPresent() && mount.get().tryEnter()) {
            Mount m = mount.get();
            if (m.handler().handle(request, response, new ExitingCallback(callback, m))) {
                return true;
            }
            m.exit();
        }
        Optional<HeldRoute> heldRoute = held.match(path);
        if (heldRoute.isPresent()) {
            park(heldRoute.get(), request, response, callback);
            return true;
        }
        JsonResponses.write(response, 404, path.startsWith("/api/") ? API_NOT_FOUND : NOT_FOUND, callback);
        return true;
    }

    private void park(HeldRoute route, Request request, Response response, Callback callback) {
        route.back().copy().orTimeout(hold.toMillis(), TimeUnit.MILLISECONDS).whenComplete((back, failure) ->
                getServer().getThreadPool().execute(() -> resume(route, back, failure, request, response, callback)));
    }

    private void resume(HeldRoute route, Boolean back, Throwable failure, Request request, Response response,
                        Callback callback) {
        if (failure instanceof TimeoutException || !Boolean.TRUE.equals(back)) {
            response.getHeaders().put("Retry-After", "1");
            JsonResponses.write(response, 503, JsonResponses.standardError("SERVICE_UNAVAILABLE",
                    "The module serving " + route.prefix() + " is being replaced; retry shortly"), callback);
            return;
        }
        try {
            handle(request, response, callback);
        } catch (Throwable t) {
            callback.failed(t);
        }
    }

    /** Counts the request out of its mount when the response completes. */
    private record ExitingCallback(Callback delegate, Mount mount) implements Callback {
        @Override
        public void succeeded() {
            mount.exit();
            delegate.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            mount.exit();
            delegate.failed(x);
        }

        @Override
        public InvocationType getInvocationType() {
            return delegate.getInvocationType();
        }
    }
}
