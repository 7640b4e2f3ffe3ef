package dev.eliza.tee.impl;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.http.api.ApiException;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;

import dev.eliza.tee.api.AgentPublicKey;
import dev.eliza.tee.api.TeeProvider;

/**
 * The built-in provider, honestly labelled: no hardware, keys derived in this process from the sealed secret
 * ({@code TEE_SECRET_FILE}, {@code DATA_DIR/tee/sealed-secret} by default). It proves which server signed a report
 * and what code it ran, not that the code ran in an enclave. Several nodes on one database must share the secret
 * file: a node whose secret differs from the first node's answers 503 instead of signing with other keys.
 */
@Component(service = TeeProvider.class)
public final class SoftwareTeeProvider implements TeeProvider {
    static final String ID = "software";

    static final String SECRET_FILE = "TEE_SECRET_FILE";
    private static final Logger LOG = LoggerFactory.getLogger(SoftwareTeeProvider.class);

    private final AgentKeys keys;
    private final boolean agreed;

    @Activate
    public SoftwareTeeProvider(@Reference Database database, BundleContext context) {
        this(secretFile(context::getProperty), fingerprints(database, context));
    }

    SoftwareTeeProvider(Path secretFile, SecretFingerprint cluster) {
        byte[] secret = SealedSecret.load(secretFile, new SecureRandom());
        this.keys = new AgentKeys(secret);
        this.agreed = cluster.agrees(SecretFingerprint.of(secret));
        if (!agreed) {
            LOG.error("The TEE sealed secret {} is not the one the other nodes on this database started with: this"
                    + " node signs nothing until it has a copy of theirs ({} names the file)", secretFile,
                    SECRET_FILE);
        }
    }

    /** {@code TEE_SECRET_FILE}, or {@code DATA_DIR/tee/sealed-secret}. */
    static Path secretFile(Function<String, String> properties) {
        Optional<String> file = Optional.ofNullable(properties.apply(SECRET_FILE)).map(String::trim)
                .filter(v -> !v.isEmpty());
        return file.map(Path::of).orElseGet(() -> Path.of(Optional.ofNullable(properties.apply("DATA_DIR"))
                .filter(v -> !v.isBlank()).orElse("data")).resolve("tee").resolve("sealed-secret"));
    }

    private static SecretFingerprint fingerprints(Database database, BundleContext context) {
        database.migrate("tee", Migration.scan(context.getBundle(), "db/tee"));
        return SecretFingerprint.stored(database.sessionFactory(
                context.getBundle().adapt(BundleWiring.class).getClassLoader(), TeeSecretMapper.class));
    }

    private void requireAgreement() {
        if (!agreed) {
            throw new ApiException(503, "TEE_SECRET_MISMATCH", "This server's TEE sealed secret differs from the"
                    + " one the other servers on its database use; give it a copy of theirs (" + SECRET_FILE + ")");
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean hardwareBacked() {
        return false;
    }

    @Override
    public String signatureAlgorithm() {
        return "Ed25519";
    }

    @Override
    public String keyDerivation() {
        return "HKDF-SHA256 (RFC 5869) from a sealed 32-byte server secret, salt " + AgentKeys.SALT
                + ", info ed25519|<agentId>|<path>";
    }

    @Override
    public AgentPublicKey publicKey(UUID agentId, String path) {
        requireAgreement();
        return keys.publicKey(agentId, path);
    }

    @Override
    public byte[] sign(UUID agentId, byte[] message) {
        requireAgreement();
        return keys.sign(agentId, message);
    }
}
