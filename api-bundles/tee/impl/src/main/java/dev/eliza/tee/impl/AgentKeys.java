package dev.eliza.tee.impl;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import dev.eliza.tee.api.AgentPublicKey;

/**
 * Ed25519 keys derived from the sealed secret with HKDF (RFC 5869, SHA-256): salt {@value #SALT}, info
 * {@code ed25519|<agentId>|<path>}, 32 bytes of output as the RFC 8032 private key (seed). The agents' own keys
 * (path {@code ""}) are kept after first use with their public halves, since every attestation signs with one
 * and names its key; derived paths are not kept.
 */
final class AgentKeys {
    static final String SALT = "eliza-tee-software-v1";
    /** RFC 8410's DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int MAX_KEPT = 10_000;

    private final byte[] secret;
    private final Map<UUID, OwnKey> own = new ConcurrentHashMap<>();

    /** An agent's own key pair, derived once. */
    private record OwnKey(Ed25519PrivateKeyParameters secret, byte[] raw) {
    }

    AgentKeys(byte[] secret) {
        this.secret = secret.clone();
    }

    AgentPublicKey publicKey(UUID agent, String path) {
        byte[] raw = path.isEmpty() ? own(agent).raw() : derive(agent, path).generatePublicKey().getEncoded();
        return new AgentPublicKey(agent, path, "Ed25519", spki(raw), raw);
    }

    byte[] sign(UUID agent, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, own(agent).secret());
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private OwnKey own(UUID agent) {
        OwnKey key = own.get(agent);
        if (key == null) {
            if (own.size() >= MAX_KEPT) {
                own.clear();
            }
            key = own.computeIfAbsent(agent, a -> {
                Ed25519PrivateKeyParameters secret = derive(a, "");
                return new OwnKey(secret, secret.generatePublicKey().getEncoded());
            });
        }
        return key;
    }

    private Ed25519PrivateKeyParameters derive(UUID agent, String path) {
        return new Ed25519PrivateKeyParameters(hkdf(secret, SALT.getBytes(StandardCharsets.UTF_8),
                ("ed25519|" + agent + "|" + path).getBytes(StandardCharsets.UTF_8), 32), 0);
    }

    static byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(inputKey, salt, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    static byte[] spki(byte[] raw) {
        byte[] encoded = new byte[SPKI_PREFIX.length + raw.length];
        System.arraycopy(SPKI_PREFIX, 0, encoded, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, encoded, SPKI_PREFIX.length, raw.length);
        return encoded;
    }
}
