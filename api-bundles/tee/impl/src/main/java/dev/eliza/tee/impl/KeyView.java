package dev.eliza.tee.impl;

import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import dev.eliza.tee.api.AgentPublicKey;

/**
 * A public key as served: {@code publicKey} is the base64 DER {@code SubjectPublicKeyInfo} (Java's
 * {@code X509EncodedKeySpec}, WebCrypto's {@code spki}), {@code publicKeyHex} the bare key.
 */
public record KeyView(UUID agentId, String name, String path, String algorithm, String publicKey,
                      String publicKeyHex) {

    static KeyView of(AgentPublicKey key, String name) {
        return new KeyView(key.agentId(), name, key.path(), key.algorithm(),
                Base64.getEncoder().encodeToString(key.encoded()), HexFormat.of().formatHex(key.raw()));
    }
}
