package dev.eliza.tee.impl;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Whether this node's sealed secret is the one every node on the database uses. The first start records the
 * secret's fingerprint, an HKDF output the secret cannot be recovered from; every later start compares its own.
 * Nodes with different secrets would give one agent several identities, so a node that disagrees must not sign.
 */
interface SecretFingerprint {
    /** Agrees with every secret: one process on its own, as in tests. */
    SecretFingerprint ALONE = fingerprint -> true;

    /** Whether {@code fingerprint} is the recorded one (recording it when none is). */
    boolean agrees(String fingerprint);

    /** The fingerprint of {@code secret}. */
    static String of(byte[] secret) {
        return HexFormat.of().formatHex(AgentKeys.hkdf(secret, AgentKeys.SALT.getBytes(StandardCharsets.UTF_8),
                "fingerprint".getBytes(StandardCharsets.UTF_8), 32));
    }

    /** The fingerprint recorded in {@code tee_secret}. */
    static SecretFingerprint stored(SqlSessionFactory sessions) {
        return fingerprint -> {
            try (SqlSession session = sessions.openSession(true)) {
                TeeSecretMapper mapper = session.getMapper(TeeSecretMapper.class);
                mapper.record(fingerprint);
                return Optional.ofNullable(mapper.recorded()).filter(fingerprint::equals).isPresent();
            }
        };
    }
}
