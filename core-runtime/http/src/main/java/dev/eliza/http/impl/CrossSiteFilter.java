package dev.eliza.http.impl;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.SameOriginOnly;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Keeps browser pages of other sites from changing state. A browser sends a cross-site request without asking first
 * (no CORS preflight) only with no body type or one of the "simple" types ({@code text/plain}, form encodings), so:
 * <ul>
 * <li>a state-changing request with a simple type is refused with 415 unless its method names that type in
 *     {@code @Consumes} (a wildcard does not count);</li>
 * <li>a state-changing request from another origin with no type or a simple one is refused with 403 — it was sent
 *     without a preflight;</li>
 * <li>{@link SameOriginOnly} routes are refused with 403 for any request from another origin.</li>
 * </ul>
 * A request carrying the API key (checked by {@link ApiKeyAuthHandler}) is trusted: a foreign page cannot know it.
 */
final class CrossSiteFilter implements ContainerRequestFilter {
    static final Set<String> SIMPLE_TYPES =
            Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        Optional<String> type = mediaType(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        boolean simple = type.isEmpty() || SIMPLE_TYPES.contains(type.get());
        if (type.isPresent() && simple && !declares(type.get())) {
            throw new ApiException(415, "INVALID_CONTENT_TYPE",
                    "Invalid or missing Content-Type header: " + type.get() + " is not accepted here");
        }
        if (Boolean.TRUE.equals(request.getProperty(ApiKeyAuthHandler.AUTHENTICATED))
                || !crossOrigin(request.getHeaderString("Origin"), request.getHeaderString(HttpHeaders.HOST))) {
            return;
        }
        if (simple) {
            throw new ApiException(403, "CROSS_ORIGIN_REFUSED",
                    "A state-changing request from another site must use a JSON body (or send the API key)");
        }
        if (sameOriginOnly()) {
            throw new ApiException(403, "CROSS_ORIGIN_REFUSED",
                    "This route loads code or stops the server: a page of another origin cannot call it without "
                            + "the API key");
        }
    }

    private boolean declares(String type) {
        Method method = resource.getResourceMethod();
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        if (consumes == null && resource.getResourceClass() != null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes != null && Arrays.stream(consumes.value()).flatMap(v -> Arrays.stream(v.split(",")))
                .map(CrossSiteFilter::mediaType).flatMap(Optional::stream).anyMatch(type::equals);
    }

    private boolean sameOriginOnly() {
        Method method = resource.getResourceMethod();
        return method != null && method.isAnnotationPresent(SameOriginOnly.class)
                || resource.getResourceClass() != null
                && resource.getResourceClass().isAnnotationPresent(SameOriginOnly.class);
    }

    /** The type and subtype alone, lower case; empty for no header. */
    static Optional<String> mediaType(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        int parameters = header.indexOf(';');
        return Optional.of((parameters < 0 ? header : header.substring(0, parameters)).trim()
                .toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code origin} names another host or port than {@code host}. An opaque origin ({@code null}) is
     * foreign; no {@code Origin} at all is not a browser page's cross-site request.
     */
    static boolean crossOrigin(String origin, String host) {
        if (origin == null) {
            return false;
        }
        if (host == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null) {
                return true;
            }
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort;
            URI own = URI.create("http://" + host.trim());
            int ownPort = own.getPort() >= 0 ? own.getPort() : defaultPort;
            return !uri.getHost().equalsIgnoreCase(own.getHost()) || port != ownPort;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
