package dev.eliza.http.impl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names the client a request is counted against: its API key when the key has been checked, else its address.
 * Keys are kept only as an HMAC under a random per-process secret, so neither memory nor logs hold a usable key and
 * a heap dump cannot be searched for short keys offline. An IPv6 client is its /64, the block one subscriber gets,
 * so it cannot dodge the limit by walking through its own addresses.
 */
final class RateLimitClients {
    private static final HexFormat HEX = HexFormat.of();

    private final boolean keysChecked;
    private final ThreadLocal<Mac> macs;

    /**
     * @param keysChecked whether a request that reaches the limiter with an {@code X-API-KEY} has had that key
     *                    verified; an unchecked key is ignored, or a client could mint a fresh budget per request
     */
    RateLimitClients(boolean keysChecked) {
        this.keysChecked = keysChecked;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable", e);
            }
        });
    }

    String of(Optional<String> apiKey, Optional<InetAddress> address) {
        if (keysChecked && apiKey.isPresent() && !apiKey.get().isEmpty()) {
            return "key:" + HEX.formatHex(macs.get().doFinal(apiKey.get().getBytes(StandardCharsets.UTF_8)));
        }
        return address.map(RateLimitClients::ofAddress).orElse("ip:unknown");
    }

    private static String ofAddress(InetAddress address) {
        if (address instanceof Inet6Address) {
            return "ip6:" + HEX.formatHex(address.getAddress(), 0, 8);
        }
        return "ip:" + address.getHostAddress();
    }
}
