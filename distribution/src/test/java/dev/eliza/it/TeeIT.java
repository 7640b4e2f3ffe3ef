package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Attestation on the real platform: a report is verified with the JDK's own Ed25519 from the served public key
 * alone (the signed bytes rebuilt as documented: key-sorted JSON without whitespace), a tampered report fails, the
 * measurement covers the running bundles, and keys are the same after a restart (the sealed secret persists, 0600).
 */
class TeeIT {
    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(java.util.Map.of());

    private static boolean verifies(JsonNode report, String publicKey, String signature) throws Exception {
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(publicKey)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(SORTED.writeValueAsBytes(SORTED.treeToValue(report, Object.class)));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    @Test
    void anAttestationVerifiesFromThePublicKeyAloneAndKeysSurviveARestart() throws Exception {
        Http http = PLATFORM.http();
        String agentId = http.json("POST", "/api/agents", "{\"agent\":{\"name\":\"Witness\",\"bio\":[\"Attests.\"]}}")
                .json().at("/data/id").asText();
        JsonNode status = http.get("/api/tee/status").json().get("data");
        assertThat(status.get("enabled").asBoolean()).isTrue();
        assertThat(status.get("provider").asText()).isEqualTo("software");
        assertThat(status.get("hardware").asBoolean()).isFalse();
        assertThat(status.at("/measurement/bundles").asInt()).isGreaterThan(30);

        String publicKey = http.get("/api/tee/agents/" + agentId).json().at("/data/publicKey").asText();
        Http.Reply attested = http.json("POST", "/api/tee/attestation",
                "{\"agentId\":\"" + agentId + "\",\"nonce\":\"it-nonce-0001\"}");
        assertThat(attested.status()).as(attested.body()).isEqualTo(200);
        JsonNode data = attested.json().get("data");
        JsonNode report = data.get("report");
        assertThat(report.get("nonce").asText()).isEqualTo("it-nonce-0001");
        assertThat(report.get("agentId").asText()).isEqualTo(agentId);
        assertThat(report.at("/measurement/digest").asText()).isEqualTo(status.at("/measurement/digest").asText());
        assertThat(verifies(report, publicKey, data.get("signature").asText())).isTrue();

        ObjectNode tampered = report.deepCopy();
        tampered.put("timestamp", report.get("timestamp").asLong() + 1);
        assertThat(verifies(tampered, publicKey, data.get("signature").asText())).isFalse();
        ObjectNode otherNonce = report.deepCopy();
        otherNonce.put("nonce", "it-nonce-0002");
        assertThat(verifies(otherNonce, publicKey, data.get("signature").asText())).isFalse();

        String derived = http.json("POST", "/api/tee/keys/derive", "{\"agentId\":\"" + agentId
                + "\",\"path\":\"wallet/0\"}").json().at("/data/publicKey").asText();
        Path secret = PLATFORM.home().resolve("data/tee/sealed-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        String hexSecret = HexFormat.of().formatHex(Files.readAllBytes(secret));
        assertThat(PLATFORM.process().console()).doesNotContain(hexSecret)
                .doesNotContain(Base64.getEncoder().encodeToString(Files.readAllBytes(secret)));

        assertThat(http.json("POST", "/api/server/modules/tee/stop", "").status()).isEqualTo(200);
        assertThat(http.get("/api/tee/status").status()).isEqualTo(404);
        assertThat(http.json("POST", "/api/server/modules/tee/start", "").status()).isEqualTo(200);
        assertThat(http.get("/api/tee/agents/" + agentId).json().at("/data/publicKey").asText()).isEqualTo(publicKey);

        PLATFORM.process().stop();
        PLATFORM.process().restart();
        Http after = PLATFORM.http();
        assertThat(after.get("/api/tee/agents/" + agentId).json().at("/data/publicKey").asText()).isEqualTo(publicKey);
        assertThat(after.json("POST", "/api/tee/keys/derive", "{\"agentId\":\"" + agentId
                + "\",\"path\":\"wallet/0\"}").json().at("/data/publicKey").asText()).isEqualTo(derived);
        assertThat(verifies(report, publicKey, data.get("signature").asText())).isTrue();
    }
}
