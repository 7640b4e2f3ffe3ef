package dev.eliza.tee.api;

import java.util.UUID;

/**
 * Public key material of one agent key.
 *
 * @param agentId the agent
 * @param path the derivation path, {@code ""} for the agent's own key
 * @param algorithm the signature algorithm, {@code Ed25519} for the software provider
 * @param encoded the key as an X.509 {@code SubjectPublicKeyInfo} (DER), what
 *                {@code KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(encoded))} reads
 * @param raw the bare key (32 bytes for Ed25519), what most Ed25519 libraries take
 */
public record AgentPublicKey(UUID agentId, String path, String algorithm, byte[] encoded, byte[] raw) {
    /** Copies the arrays, so the record stays immutable. */
    public AgentPublicKey {
        encoded = encoded.clone();
        raw = raw.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }
}
