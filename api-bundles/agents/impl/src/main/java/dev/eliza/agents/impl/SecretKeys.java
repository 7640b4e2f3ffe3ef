package dev.eliza.agents.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Where the agent-secret key comes from: {@code SECRET_SALT} when set (required when several nodes share one
 * database), else a random key generated once into {@code DATA_DIR/agent-secrets.key}, readable by this user only.
 */
final class SecretKeys {
    private SecretKeys() {
    }

    static byte[] load(Optional<String> salt, Path dataDir) {
        if (salt.isPresent()) {
            return salt.get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve("agent-secrets.key");
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, "agent-secrets", ".tmp");
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.write(temp, key);
            Files.move(temp, file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
