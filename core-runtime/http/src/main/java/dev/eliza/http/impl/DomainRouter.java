package dev.eliza.http.impl;

import java.time.Duration;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * version instead of getting a 404. Paths nobody owns get the ElizaOS "not found" body, or a 503 while the server
 * is still starting (a domain may not have mounted yet).
 */
final class DomainRouter extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(DomainRouter.class);
    static final String API_NOT_FOUND =
            "{\"success\":false,\"error\":{\"message\":\"API endpoint not found\",\"code\":404}}";
    static final String NOT_FOUND = "{\"success\":false,\"error\":{\"message\":\"Not found\",\"code\":404}}";

    /** Routes, open prefixes and holds, replaced together so a lookup never sees half of a change. */
    private record Tables(RouteTable<Mount> routes, Set<String> open, RouteTable<HeldRoute> held) {
        static final Tables EMPTY = new Tables(RouteTable.empty(), Set.of(), RouteTable.empty());
    }

    private final Duration hold;
    private final Duration drain;
    private final HttpMeters meters;
    private volatile Tables tables = Tables.EMPTY;
    private volatile boolean starting = true;
    /** While starting: prefixes bundles declared that nobody serves yet ({@link StartupReadiness}). */
    private volatile RouteTable<String> awaited = RouteTable.empty();
    private final Map<String, SwapWindow> windows = new HashMap<>();
    private volatile Runnable holdsReleased = () -> { };

    DomainRouter(Duration hold, Duration drain) {
        this(hold, drain, new HttpMeters());
    }

    DomainRouter(Duration hold, Duration drain, HttpMeters meters) {
        this.hold = hold;
        this.drain = drain;
        this.meters = meters;
    }

    HttpMeters meters() {
        return meters;
    }

    /**
     * The prefixes declared by bundles that have not mounted them yet: while the server starts, a path one of them
     * owns is answered 503, not by a broader domain already mounted ({@code /api/messaging/sessions} before the
     * sessions domain is up would otherwise get messaging's 404).
     */
    void awaiting(Set<String> prefixes) {
        RouteTable<String> table = RouteTable.empty();
        for (String prefix : prefixes) {
            table = table.with(prefix, prefix);
        }
        awaited = table;
    }

    /** Start-up is over: from now on a path nobody serves is a 404, not a 503. */
    void ready() {
        starting = false;
    }

    /**
     * Why {@code owner} could not mount these prefixes now: one is served, or held for another owner's swap.
     */
    synchronized Optional<String> conflict(List<String> prefixes, String owner) {
        for (String prefix : prefixes) {
            Optional<Mount> existing = tables.routes().exact(prefix);
            if (existing.isPresent()) {
                return Optional.of("path " + prefix + " is already served by domain '" + existing.get().domain()
                        + "' of bundle " + existing.get().owner());
            }
            Optional<HeldRoute> swapping = tables.held().exact(prefix).filter(h -> !h.owner().equals(owner));
            if (swapping.isPresent()) {
                return Optional.of("path " + prefix + " is held while bundle " + swapping.get().owner() + " swaps");
            }
        }
        return Optional.empty();
    }

    /** Adds a mount with no open prefixes. */
    Optional<String> mount(Mount mount) throws Exception {
        return mount(mount, List.of());
    }

    /**
     * Adds a mount, or refuses it (returning the reason) when one of its prefixes is taken. {@code open} prefixes
     * are served without the API key.
     */
    synchronized Optional<String> mount(Mount mount, List<String> open) throws Exception {
        Optional<String> conflict = conflict(mount.prefixes(), mount.owner());
        if (conflict.isPresent()) {
            return conflict;
        }
        mount.handler().setServer(getServer());
        mount.handler().start();
        Tables now = tables;
        RouteTable<Mount> routes = now.routes();
        RouteTable<HeldRoute> held = now.held();
        List<HeldRoute> back = new ArrayList<>();
        for (String prefix : mount.prefixes()) {
            routes = routes.with(prefix, mount);
            held.exact(prefix).ifPresent(back::add);
            held = held.without(h -> h.prefix().equals(prefix));
        }
        Set<String> opened = new HashSet<>(now.open());
        opened.addAll(open);
        tables = new Tables(routes, Set.copyOf(opened), held);
        back.forEach(h -> h.back().complete(true));
        return Optional.empty();
    }

    /** Removes a mount after the requests inside it finish; held instead of gone while its owner is swapping. */
    void unmount(Mount mount) throws Exception {
        synchronized (this) {
            Tables now = tables;
            if (now.routes().values().stream().noneMatch(m -> m == mount)) {
                return;
            }
            RouteTable<HeldRoute> held = now.held();
            if (windows.containsKey(mount.owner())) {
                for (String prefix : mount.prefixes()) {
                    held = held.with(prefix, HeldRoute.of(prefix, mount.owner(), now.open().contains(prefix)));
                }
            }
            Set<String> open = new HashSet<>(now.open());
            open.removeAll(mount.prefixes());
            // One swap: a request that misses the route finds the hold in the same snapshot.
            tables = new Tables(now.routes().without(m -> m == mount), Set.copyOf(open), held);
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

    /** Runs {@code action}, outside this router's lock, after a closed swap window released held paths. */
    void whenHoldsReleased(Runnable action) {
        holdsReleased = action;
    }

    void closeWindow(SwapWindow window) {
        List<HeldRoute> released = List.of();
        synchronized (this) {
            if (windows.remove(window.owner(), window)) {
                Tables now = tables;
                released = now.held().values().stream().filter(h -> h.owner().equals(window.owner())).toList();
                tables = new Tables(now.routes(), now.open(), now.held().without(released::contains));
            }
        }
        released.forEach(h -> h.back().complete(false));
        if (!released.isEmpty()) {
            holdsReleased.run();
        }
    }

    List<Mount> mounts() {
        return tables.routes().values();
    }

    /** Whether {@code path} is served (or held) under a prefix its contribution declared open. */
    boolean isOpen(String path) {
        Tables now = tables;
        if (now.routes().match(path).isPresent() && !heldWins(now, path)) {
            // the catch-all opens the web client's files, never the API's namespace
            return now.routes().winnerIs(path, prefix -> now.open().contains(prefix)
                    && !(prefix.equals(RouteTable.ROOT) && (path.equals("/api") || path.startsWith("/api/"))));
        }
        return now.held().match(path).map(HeldRoute::open).orElse(false);
    }

    /**
     * While the server starts, an API path only the catch-all ({@code /}, the web client) matches may belong to a
     * domain that has not mounted yet: it is answered 503 as a path nobody serves, not the catch-all's 404.
     */
    private boolean apiLeftToCatchAll(Tables now, String path) {
        return starting && (path.equals("/api") || path.startsWith("/api/"))
                && now.routes().winningPrefix(path).filter(RouteTable.ROOT::equals).isPresent();
    }

    /** While the server starts, whether a declared prefix not mounted yet is more specific than every served one. */
    private boolean awaitedWins(Tables now, String path) {
        if (!starting) {
            return false;
        }
        Optional<String> pending = awaited.winningPrefix(path);
        if (pending.isEmpty()) {
            return false;
        }
        Optional<String> served = now.routes().winningPrefix(path);
        return served.isEmpty() || RouteTable.outranks(pending.get(), served.get());
    }

    /**
     * Whether a held prefix is more specific than every served one for {@code path}: then the request waits for
     * the swapping domain instead of going to a broader one ({@code /api/memory/x/rooms} of the rooms domain
     * while it swaps, not to the memory domain's {@code /api/memory}).
     */
    private static boolean heldWins(Tables now, String path) {
        Optional<String> held = now.held().winningPrefix(path);
        if (held.isEmpty()) {
            return false;
        }
        Optional<String> served = now.routes().winningPrefix(path);
        return served.isEmpty() || RouteTable.outranks(held.get(), served.get());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        for (int look = 0; look < 2; look++) {
            Tables now = tables;
            Optional<Mount> mount = heldWins(now, path) || apiLeftToCatchAll(now, path) || awaitedWins(now, path)
                    ? Optional.empty() : now.routes().match(path);
            if (mount.isPresent() && mount.get().tryEnter()) {
                if (serve(mount.get(), start, request, response, callback)) {
                    return true;
                }
                break;
            }
            Optional<HeldRoute> heldRoute = now.held().match(path);
            if (heldRoute.isPresent()) {
                meters.held(heldRoute.get().owner());
                park(heldRoute.get(), request, response, callback);
                return true;
            }
            if (mount.isEmpty()) {
                break;
            }
            // The mount was closing: its removal is already published, so the next snapshot has what replaced it.
        }
        if (starting) {
            unavailable(response, callback, "The server is starting; retry shortly");
        } else {
            JsonResponses.write(response, 404, path.startsWith("/api/") ? API_NOT_FOUND : NOT_FOUND, callback);
        }
        meters.request("none", request.getMethod(), response.getStatus(), System.nanoTime() - start);
        return true;
    }

    /** Hands the request to the mount, counting it out exactly once however the handler ends. */
    private boolean serve(Mount mount, long start, Request request, Response response, Callback callback)
            throws Exception {
        ExitingCallback exiting = new ExitingCallback(callback, mount,
                status -> meters.request(mount.domain(), request.getMethod(), status, System.nanoTime() - start),
                response);
        request.setAttribute(AccessLog.DOMAIN_ATTRIBUTE, mount.domain());
        try {
            if (mount.handler().handle(request, response, exiting)) {
                return true;
            }
        } catch (Throwable t) {
            exiting.exit();
            throw t;
        }
        exiting.exit();
        return false;
    }

    private void park(HeldRoute route, Request request, Response response, Callback callback) {
        route.back().copy().orTimeout(hold.toMillis(), TimeUnit.MILLISECONDS).whenComplete((back, failure) ->
                getServer().getThreadPool().execute(() -> resume(route, back, failure, request, response, callback)));
    }

    private void resume(HeldRoute route, Boolean back, Throwable failure, Request request, Response response,
                        Callback callback) {
        if (failure instanceof TimeoutException || !Boolean.TRUE.equals(back)) {
            unavailable(response, callback, "The module serving " + route.prefix() + " is being replaced; retry shortly");
            return;
        }
        try {
            handle(request, response, callback);
        } catch (Throwable t) {
            callback.failed(t);
        }
    }

    private static void unavailable(Response response, Callback callback, String message) {
        response.getHeaders().put("Retry-After", "1");
        JsonResponses.write(response, 503, JsonResponses.standardError("SERVICE_UNAVAILABLE", message), callback);
    }
}
