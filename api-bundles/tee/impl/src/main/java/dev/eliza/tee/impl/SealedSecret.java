package dev.eliza.tee.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The software provider's root secret: 32 random bytes in {@code <DATA_DIR>/tee/sealed-secret}, created on first
 * start, readable by the server's user only (mode 0600), never logged and never served. Every agent key derives
 * from it, so keys survive restarts and are lost with it. A file of another length is refused rather than
 * replaced: replacing it would silently change every agent's identity.
 */
final class SealedSecret {
    static final int LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(SealedSecret.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SealedSecret() {
    }

    /** The secret at {@code file}, created when absent. */
    static byte[] load(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                create(file, random);
            }
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                LOG.warn("{} was readable by others; its mode is now 0600", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            byte[] secret = Files.readAllBytes(file);
            if (secret.length != LENGTH) {
                throw new IllegalStateException(file + " holds " + secret.length + " bytes, not " + LENGTH
                        + ": restore the original file (every agent key derives from it)");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the sealed secret " + file, e);
        }
    }

    /** Written to a private temporary file and moved into place, so a crash never leaves a short secret. */
    private static void create(Path file, SecureRandom random) throws IOException {
        Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] secret = new byte[LENGTH];
        random.nextBytes(secret);
        Path temporary = Files.createTempFile(folder, ".sealed-", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.write(temporary, secret);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Created the TEE software provider's sealed secret at {}", file);
        } catch (FileAlreadyExistsException another) {
            // Another start created it first: that one is the secret.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
