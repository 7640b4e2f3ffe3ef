package dev.eliza.http.impl;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.HostPort;

/**
 * Refuses requests whose {@code Host} names a host this server was not configured for, with 421, unless they carry
 * the API key. A page on an attacker's domain that re-binds its DNS name to 127.0.0.1 reaches this server with its
 * own name as {@code Host}; loopback names, IP literals, {@code SERVER_HOST} and {@code ALLOWED_HOSTS} pass.
 * {@code ALLOWED_HOSTS=*} turns the check off (a server behind a proxy that checks names itself).
 */
final class HostGuard extends Handler.Wrapper {
    private final Set<String> allowed;
    private final boolean anyHost;
    private final ApiKey key;

    HostGuard(Set<String> allowed, ApiKey key, Handler next) {
        super(next);
        this.anyHost = allowed.contains("*");
        this.allowed = allowed.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.key = key;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (anyHost || host == null || isAllowed(host) || key.presentedBy(request)) {
            return super.handle(request, response, callback);
        }
        JsonResponses.write(response, 421, JsonResponses.standardError("MISDIRECTED_REQUEST",
                "This server does not answer for host '" + hostName(host)
                        + "'; add it to ALLOWED_HOSTS or send the API key"), callback);
        return true;
    }

    boolean isAllowed(String hostHeader) {
        String name = hostName(hostHeader);
        if (name.isEmpty()) {
            return false;
        }
        return allowed.contains(name) || name.equals("localhost") || name.endsWith(".localhost")
                || isIpLiteral(name);
    }

    private static String hostName(String hostHeader) {
        try {
            String name = HostPort.normalizeHost(new HostPort(hostHeader.trim()).getHost());
            return name.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** An IP literal cannot be re-bound: a page can only be served from it by whoever owns the address. */
    private static boolean isIpLiteral(String name) {
        if (name.startsWith("[") && name.endsWith("]")) {
            return name.length() > 2 && name.substring(1, name.length() - 1).chars()
                    .allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
