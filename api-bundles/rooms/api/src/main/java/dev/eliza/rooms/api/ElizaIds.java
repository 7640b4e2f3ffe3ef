package dev.eliza.rooms.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The ids ElizaOS derives from names ({@code stringToUuid} and {@code createUniqueUuid} of {@code @elizaos/core}),
 * so the ids we hand out are the ones ElizaOS clients and plugins compute themselves: the SHA-1 of the
 * URI-encoded text, its first 16 bytes with the version nibble cleared and the RFC 4122 variant set.
 */
public final class ElizaIds {
    private ElizaIds() {
    }

    /** {@code stringToUuid(text)}. */
    public static UUID fromText(String text) {
        byte[] hash = sha1(uriEncode(text));
        hash[6] &= 0x0f;
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (hash[i] & 0xff);
            low = (low << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(high, low);
    }

    /** {@code createUniqueUuid(runtime, base)}: the agent's own id for its own id, else the id of "base:agent". */
    public static UUID unique(UUID base, UUID agentId) {
        return base.equals(agentId) ? agentId : fromText(base + ":" + agentId);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** JavaScript's {@code encodeURIComponent}: UTF-8 percent-encoding of all but {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )}. */
    private static String uriEncode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean kept = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "-_.!~*'()".indexOf(c) >= 0;
            if (kept) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
