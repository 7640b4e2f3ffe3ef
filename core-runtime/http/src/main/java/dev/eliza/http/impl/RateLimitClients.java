package dev.eliza.http.impl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Names the client a request is counted against: the server's API key when the key has been checked, else its
 * address. There is one key (the server's), so a checked key is one client named {@code key}: the name holds
 * nothing of the key, and it is the same on every node, which counters shared through the database need. An IPv6
 * client is its /64, the block one subscriber gets, so it cannot dodge the limit by walking through its own
 * addresses.
 */
final class RateLimitClients {
    static final String KEY_CLIENT = "key";
    private static final HexFormat HEX = HexFormat.of();

    private final boolean keysChecked;

    /**
     * @param keysChecked whether a request that reaches the limiter with an {@code X-API-KEY} has had that key
     *                    verified; an unchecked key is ignored, or a client could mint a fresh budget per request
     */
    RateLimitClients(boolean keysChecked) {
        this.keysChecked = keysChecked;
    }

    String of(Optional<String> apiKey, Optional<InetAddress> address) {
        if (keysChecked && apiKey.isPresent() && !apiKey.get().isEmpty()) {
            return KEY_CLIENT;
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
