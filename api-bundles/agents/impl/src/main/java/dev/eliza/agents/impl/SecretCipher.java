package dev.eliza.agents.impl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret values with AES-256-GCM, written as {@code <iv hex>:<ciphertext hex>} like ElizaOS's own
 * format. Because GCM authenticates, a value that decrypts is known to be one of ours, so a client sending back
 * an encrypted value it was shown does not get it encrypted twice.
 */
final class SecretCipher {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(byte[] keyMaterial) {
        try {
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(keyMaterial), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** Encrypts {@code value}, unless it already is one of our encrypted values. */
    String encrypt(String value) {
        if (decrypt(value).isPresent()) {
            return value;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            return HEX.formatHex(iv) + ":" + HEX.formatHex(cipher.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The clear text of one of our encrypted values; empty for anything else. */
    Optional<String> decrypt(String value) {
        int colon = value.indexOf(':');
        if (colon != IV_BYTES * 2) {
            return Optional.empty();
        }
        try {
            byte[] iv = HEX.parseHex(value, 0, colon);
            byte[] data = HEX.parseHex(value, colon + 1, value.length());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            return Optional.of(new String(cipher.doFinal(data), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
