package dev.eliza.tee.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.eliza.tee.api.AgentPublicKey;

/** Key derivation against the RFCs' vectors, signatures checked by the JDK, and the sealed secret's file. */
class AgentKeysTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path folder;

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        byte[] okm = AgentKeys.hkdf(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(HEX.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865");
    }

    @Test
    void theServedKeyIsAnX509KeyTheJdkVerifiesSignaturesWith() throws Exception {
        AgentKeys keys = new AgentKeys(new byte[32]);
        UUID agent = UUID.randomUUID();
        AgentPublicKey key = keys.publicKey(agent, "");
        assertThat(key.raw()).hasSize(32);
        byte[] message = "{\"nonce\":\"abcdefgh\"}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = keys.sign(agent, message);
        PublicKey jdk = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(key.encoded()));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(jdk);
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
        message[3] ^= 1;
        verifier.initVerify(jdk);
        verifier.update(message);
        assertThat(verifier.verify(signature)).isFalse();
    }

    @Test
    void keysDependOnTheSecretTheAgentAndThePathOnly() {
        byte[] secret = new byte[32];
        UUID agent = UUID.randomUUID();
        AgentKeys keys = new AgentKeys(secret);
        String own = HEX.formatHex(keys.publicKey(agent, "").raw());
        assertThat(HEX.formatHex(new AgentKeys(secret).publicKey(agent, "").raw())).isEqualTo(own);
        assertThat(HEX.formatHex(keys.publicKey(UUID.randomUUID(), "").raw())).isNotEqualTo(own);
        String wallet = HEX.formatHex(keys.publicKey(agent, "wallet/solana").raw());
        assertThat(wallet).isNotEqualTo(own).isEqualTo(HEX.formatHex(keys.publicKey(agent, "wallet/solana").raw()));
        secret[0] = 1;
        assertThat(HEX.formatHex(new AgentKeys(secret).publicKey(agent, "").raw())).isNotEqualTo(own);
    }

    @Test
    void theSealedSecretIsCreatedOnceOwnerOnlyAndKept() throws Exception {
        Path file = folder.resolve("tee/sealed-secret");
        byte[] first = SealedSecret.load(file, new SecureRandom());
        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SealedSecret.load(file, new SecureRandom())).isEqualTo(first);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aSecretOfTheWrongLengthIsRefusedNotReplaced() throws Exception {
        Path file = Files.createDirectories(folder.resolve("tee")).resolve("sealed-secret");
        Files.write(file, new byte[5]);
        assertThatThrownBy(() -> SealedSecret.load(file, new SecureRandom())).hasMessageContaining("5 bytes");
        assertThat(Files.size(file)).isEqualTo(5);
    }
}
