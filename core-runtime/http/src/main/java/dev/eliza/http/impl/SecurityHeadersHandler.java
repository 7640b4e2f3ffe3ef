package dev.eliza.http.impl;

import java.util.List;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts on every response the security headers ElizaOS 1.7.2 sends (its helmet set), before anything else can
 * answer, so refusals, preflights and errors carry them too. {@code /api} responses also get HSTS and
 * {@code Referrer-Policy: no-referrer}, as there.
 *
 * <p>Two deliberate differences: {@code X-XSS-Protection} is always {@code 0}, because the old filters that
 * {@code 1; mode=block} switches on could be abused to leak page content; and the default policy
 * ({@link #DEFAULT_POLICY}) allows scripts from this origin only, where 1.7.2 allows any origin and inline scripts.
 * The ElizaOS web client is a Vite build whose scripts are all same-origin modules, so that costs it nothing; it
 * does need {@code 'unsafe-eval'} (its logger compiles redaction functions at start-up, and the app does not start
 * without them), and keeps its inline styles, same-origin REST and Socket.IO (ws/wss) and remote avatars.
 */
final class SecurityHeadersHandler extends Handler.Wrapper {
    static final String DEFAULT_POLICY = "default-src 'self';style-src 'self' 'unsafe-inline' https: http:;"
            + "script-src 'self' 'unsafe-eval';img-src 'self' data: blob: https: http:;"
            + "font-src 'self' https: http: data:;connect-src 'self' ws: wss: https: http:;"
            + "media-src 'self' blob: data:;object-src 'none';frame-src 'self' data:;base-uri 'self';"
            + "form-action 'self';frame-ancestors 'self'";

    private static final List<HttpField> COMMON = List.of(
            field("Cross-Origin-Opener-Policy", "same-origin"),
            field("Cross-Origin-Resource-Policy", "cross-origin"),
            field("Origin-Agent-Cluster", "?1"),
            field("X-Content-Type-Options", "nosniff"),
            field("X-DNS-Prefetch-Control", "off"),
            field("X-Download-Options", "noopen"),
            field("X-Frame-Options", "SAMEORIGIN"),
            field("X-Permitted-Cross-Domain-Policies", "none"),
            field("X-XSS-Protection", "0"));
    private static final HttpField PAGE_REFERRER = field("Referrer-Policy", "no-referrer-when-downgrade");
    private static final HttpField API_REFERRER = field("Referrer-Policy", "no-referrer");
    private static final HttpField HSTS = field("Strict-Transport-Security", "max-age=31536000; includeSubDomains");

    private final HttpField policy;

    SecurityHeadersHandler(String contentSecurityPolicy, Handler next) {
        super(next);
        this.policy = field("Content-Security-Policy", contentSecurityPolicy);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        apply(request, response);
        return super.handle(request, response, callback);
    }

    /**
     * {@code errorHandler} putting the same headers on what it writes: Jetty clears the headers of a response
     * whose handler failed before handing it to the server's error handler.
     */
    Request.Handler onErrors(Request.Handler errorHandler) {
        return (request, response, callback) -> {
            apply(request, response);
            return errorHandler.handle(request, response, callback);
        };
    }

    private void apply(Request request, Response response) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(policy);
        COMMON.forEach(headers::put);
        String path = Request.getPathInContext(request);
        if (path.equals("/api") || path.startsWith("/api/")) {
            headers.put(API_REFERRER);
            headers.put(HSTS);
        } else {
            headers.put(PAGE_REFERRER);
        }
    }

    private static HttpField field(String name, String value) {
        return new PreEncodedHttpField(name, value);
    }
}
