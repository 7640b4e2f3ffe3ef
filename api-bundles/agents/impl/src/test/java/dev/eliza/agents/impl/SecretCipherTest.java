package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private final SecretCipher cipher = new SecretCipher("key one".getBytes(StandardCharsets.UTF_8));

    @Test
    void roundTripsInElizaFormat() {
        String encrypted = cipher.encrypt("s3cret");
        assertThat(encrypted).matches("[0-9a-f]{24}:[0-9a-f]+").doesNotContain("s3cret");
        assertThat(cipher.decrypt(encrypted)).contains("s3cret");
    }

    @Test
    void encryptingTwiceGivesDifferentTextButAnEncryptedValueIsLeftAsItIs() {
        String first = cipher.encrypt("same");
        assertThat(cipher.encrypt("same")).isNotEqualTo(first);
        assertThat(cipher.encrypt(first)).isEqualTo(first);
    }

    @Test
    void tamperedOrForeignValuesDoNotDecrypt() {
        String encrypted = cipher.encrypt("value");
        char last = encrypted.charAt(encrypted.length() - 1);
        String tampered = encrypted.substring(0, encrypted.length() - 1) + (last == '0' ? '1' : '0');
        assertThat(cipher.decrypt(tampered)).isEmpty();
        assertThat(new SecretCipher("key two".getBytes(StandardCharsets.UTF_8)).decrypt(encrypted)).isEmpty();
        assertThat(cipher.decrypt("plain text")).isEmpty();
        assertThat(cipher.decrypt("0123456789abcdef01234567:zz")).isEmpty();
    }
}
