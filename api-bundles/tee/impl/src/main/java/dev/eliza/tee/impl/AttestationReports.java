package dev.eliza.tee.impl;

import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.eliza.tee.api.AgentPublicKey;
import dev.eliza.tee.api.TeeProvider;

/**
 * Builds and signs attestation reports: the nonce the client sent, the agent, its public key, the code
 * measurement, the time and the provider, signed over {@link CanonicalJson} with the agent's own key.
 */
final class AttestationReports {
    static final int VERSION = 1;

    private final CodeMeasurement measurement;
    private final Clock clock;

    AttestationReports(CodeMeasurement measurement, Clock clock) {
        this.measurement = measurement;
        this.clock = clock;
    }

    Map<String, Object> attest(TeeProvider provider, UUID agentId, String nonce) {
        AgentPublicKey key = provider.publicKey(agentId, "");
        CodeMeasurement.Value code = measurement.current();
        Map<String, Object> measured = new TreeMap<>();
        measured.put("algorithm", "SHA-256");
        measured.put("bundles", code.bundles());
        measured.put("digest", code.digest());
        Map<String, Object> report = new TreeMap<>();
        report.put("version", VERSION);
        report.put("agentId", agentId.toString());
        report.put("nonce", nonce);
        report.put("publicKey", Base64.getEncoder().encodeToString(key.encoded()));
        report.put("algorithm", key.algorithm());
        report.put("measurement", measured);
        report.put("timestamp", clock.millis());
        report.put("provider", provider.id());
        report.put("hardware", provider.hardwareBacked());
        byte[] signature = provider.sign(agentId, CanonicalJson.bytes(report));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("report", report);
        answer.put("signature", Base64.getEncoder().encodeToString(signature));
        answer.put("signatureAlgorithm", key.algorithm());
        answer.put("signatureEncoding", "base64");
        answer.put("signedBytes", CanonicalJson.DESCRIPTION);
        return answer;
    }
}
