package dev.eliza.tee.api;

import java.util.UUID;

/**
 * Derives per-agent keys and signs with them, registered as a service. The TEE bundle serves
 * {@code /api/tee/*} through the provider whose {@link #id()} the {@code TEE_PROVIDER} setting names
 * ({@code software} by default). Private keys never leave a provider: callers see public material and signatures.
 *
 * <pre>{@code
 * @Component(service = TeeProvider.class)
 * public final class TdxProvider implements TeeProvider {
 *     public String id() { return "tdx"; }
 *     public boolean hardwareBacked() { return true; }
 *     ...
 * }
 * }</pre>
 */
public interface TeeProvider {

    /** The provider's name as reported by {@code /api/tee/status} ({@code software} for the built-in one). */
    String id();

    /** Whether keys and signatures are bound to hardware; the software provider says {@code false}. */
    boolean hardwareBacked();

    /** The signature algorithm of every key, for example {@code Ed25519}. */
    String signatureAlgorithm();

    /** How keys are derived, for the status report (for example {@code HKDF-SHA256 from a sealed server secret}). */
    String keyDerivation();

    /**
     * The public key of {@code agentId} at {@code path}; the empty path is the agent's own (attestation) key. The
     * same agent and path give the same key for as long as the provider's secret lives.
     */
    AgentPublicKey publicKey(UUID agentId, String path);

    /** Signs {@code message} with the agent's own key (path {@code ""}), in {@link AgentPublicKey#algorithm()}. */
    byte[] sign(UUID agentId, byte[] message);
}
