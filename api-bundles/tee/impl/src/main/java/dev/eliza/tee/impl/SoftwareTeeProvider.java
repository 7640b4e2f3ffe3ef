package dev.eliza.tee.impl;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import dev.eliza.tee.api.AgentPublicKey;
import dev.eliza.tee.api.TeeProvider;

/**
 * The built-in provider, honestly labelled: no hardware, keys derived in this process from the sealed secret under
 * {@code DATA_DIR/tee}. It proves which server signed a report and what code it ran, not that the code ran in an
 * enclave.
 */
@Component(service = TeeProvider.class)
public final class SoftwareTeeProvider implements TeeProvider {
    static final String ID = "software";

    private final AgentKeys keys;

    @Activate
    public SoftwareTeeProvider(BundleContext context) {
        this(Path.of(Optional.ofNullable(context.getProperty("DATA_DIR")).filter(v -> !v.isBlank()).orElse("data"))
                .resolve("tee").resolve("sealed-secret"));
    }

    SoftwareTeeProvider(Path secretFile) {
        this.keys = new AgentKeys(SealedSecret.load(secretFile, new SecureRandom()));
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
        return keys.publicKey(agentId, path);
    }

    @Override
    public byte[] sign(UUID agentId, byte[] message) {
        return keys.sign(agentId, message);
    }
}
