package dev.eliza.http.impl;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.InetAddressSet;

import dev.eliza.http.api.RequestCounters;

/**
 * ElizaOS 1.7.2's rate limit: every {@code /api} response tells the client its budget ({@code RateLimit-Policy},
 * {@code -Limit}, {@code -Remaining}, {@code -Reset}, in seconds) and a request past it gets 429
 * {@code RATE_LIMIT_EXCEEDED} with {@code Retry-After}. Loopback and trusted addresses are counted but never
 * refused: 1.7.2 refuses localhost too, which stops its own agents and every load test. {@code /health} and
 * {@code /healthz} are limited only for public addresses, as in 1.7.2. Preflights are never counted.
 *
 * <p>Jetty's {@code DoSHandler} does not fit: its trackers answer only "reject or not", so they can neither report
 * what is left of a window nor count a client without ever refusing it. Place this handler after authentication
 * (ElizaOS answers a missing key with 401 before counting), which is also what makes an {@code X-API-KEY} on an
 * {@code /api} request a checked one.
 */
final class RateLimitHandler extends Handler.Wrapper {
    static final String EXCEEDED_BODY = JsonResponses.standardError("RATE_LIMIT_EXCEEDED",
            "Too many requests. Please try again later.");

    private final RateLimitStore store;
    private final RateLimitClients clients;
    private final LongSupplier clock;
    private final int max;
    private final InetAddressSet trusted = new InetAddressSet();
    private final InetAddressSet privateNetworks = new InetAddressSet();
    private final HttpField policy;
    private final HttpField limit;

    RateLimitHandler(RateLimitSettings settings, RateLimitStore store, RateLimitClients clients, LongSupplier clock,
                     Handler next) {
        super(next);
        this.store = store;
        this.clients = clients;
        this.clock = clock;
        this.max = settings.max();
        settings.trusted().forEach(trusted::add);
        // Site-local v4 ranges, IPv6 unique-local and link-local: what 1.7.2 lets reach its health checks freely.
        for (String range : new String[] {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
            "fc00::/7", "fe80::/10"}) {
            privateNetworks.add(range);
        }
        long windowSeconds = ceilSeconds(settings.window().toMillis());
        this.policy = new PreEncodedHttpField("RateLimit-Policy", max + ";w=" + windowSeconds);
        this.limit = new PreEncodedHttpField("RateLimit-Limit", String.valueOf(max));
    }

    /**
     * {@code next} behind the configured limit, on the wall clock, counting through the cluster's
     * {@code counters} while there are any and in this process's memory otherwise; {@code next} itself when
     * limiting is off.
     *
     * @param keysChecked whether an authentication handler in front has verified the {@code X-API-KEY} of every
     *                    {@code /api} request that gets this far
     */
    static Handler around(Handler next, RateLimitSettings settings, boolean keysChecked,
                          Supplier<Optional<RequestCounters>> counters) {
        if (!settings.enabled()) {
            return next;
        }
        long window = settings.window().toMillis();
        RateLimitStore store = new SharedRateLimitStore(window, counters,
                new RateLimitMemoryStore(window, settings.maxClients()));
        return new RateLimitHandler(settings, store, new RateLimitClients(keysChecked), System::currentTimeMillis,
                next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (HttpMethod.OPTIONS.is(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        String path = Request.getPathInContext(request);
        boolean api = path.equals("/api") || path.startsWith("/api/");
        if (!api && !path.equals("/health") && !path.equals("/healthz")) {
            return super.handle(request, response, callback);
        }
        Optional<InetAddress> address = remoteAddress(request);
        boolean exempt = address.map(a -> a.isLoopbackAddress() || trusted.test(a)).orElse(false);
        if (!api && (exempt || address.map(privateNetworks::test).orElse(false))) {
            return super.handle(request, response, callback);
        }
        Optional<String> key = api ? Optional.ofNullable(request.getHeaders().get("X-API-KEY")) : Optional.empty();
        long now = clock.getAsLong();
        RateLimitStore.Usage usage = store.hit(clients.of(key, address), now);
        long resetSeconds = Math.max(0, ceilSeconds(usage.resetAtMillis() - now));
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(policy);
        headers.put(limit);
        headers.put("RateLimit-Remaining", String.valueOf(Math.max(0, max - usage.hits())));
        headers.put("RateLimit-Reset", String.valueOf(resetSeconds));
        if (usage.hits() > max && !exempt) {
            headers.put(HttpHeader.RETRY_AFTER, String.valueOf(resetSeconds));
            JsonResponses.write(response, 429, EXCEEDED_BODY, callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    private static Optional<InetAddress> remoteAddress(Request request) {
        return request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress socket
                ? Optional.ofNullable(socket.getAddress()) : Optional.empty();
    }

    private static long ceilSeconds(long millis) {
        return Math.floorDiv(millis + 999, 1000);
    }
}
