package dev.eliza.tee.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.testing.ResourceSlice;

/** The TEE routes' shapes and errors, with the software provider over a temporary sealed secret. */
class TeeSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Instant NOW = Instant.parse("2026-11-23T16:48:55.000Z");

    @TempDir
    Path folder;
    private final DirectoryOfAgents agents = new DirectoryOfAgents();
    private TeeProviders providers;
    private ResourceSlice slice;
    private UUID agent;

    @BeforeEach
    void setUp() throws Exception {
        providers = new TeeProviders("software");
        providers.add(new SoftwareTeeProvider(folder.resolve("tee/sealed-secret"), SecretFingerprint.ALONE));
        slice = ResourceSlice.of(new TeeResource(providers, agents, new CodeMeasurement(() -> new Bundle[0]),
                Clock.fixed(NOW, ZoneOffset.UTC)));
        agent = agents.add("Attested");
    }

    @AfterEach
    void tearDown() throws Exception {
        slice.close();
    }

    private JsonNode ok(HttpTester.Response response) throws Exception {
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.getContent());
        assertThat(body.get("success").asBoolean()).isTrue();
        return body.get("data");
    }

    private void error(HttpTester.Response response, int status, String code) throws Exception {
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.getContent());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.at("/error/code").asText()).isEqualTo(code);
    }

    @Test
    void statusNamesTheSoftwareProviderHonestly() throws Exception {
        JsonNode status = ok(slice.get("/api/tee/status"));
        assertThat(status.get("enabled").asBoolean()).isTrue();
        assertThat(status.get("provider").asText()).isEqualTo("software");
        assertThat(status.get("hardware").asBoolean()).isFalse();
        assertThat(status.get("signatureAlgorithm").asText()).isEqualTo("Ed25519");
        assertThat(status.at("/measurement/digest").asText()).hasSize(64);
        assertThat(status.get("timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void eachAgentHasOnePublicKey() throws Exception {
        JsonNode one = ok(slice.get("/api/tee/agents/" + agent));
        assertThat(one.get("name").asText()).isEqualTo("Attested");
        assertThat(one.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(one.get("publicKeyHex").asText()).hasSize(64);
        JsonNode all = ok(slice.get("/api/tee/agents")).get("agents");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("publicKey")).isEqualTo(one.get("publicKey"));
        error(slice.get("/api/tee/agents/nope"), 400, "INVALID_ID");
        error(slice.get("/api/tee/agents/" + UUID.randomUUID()), 404, "NOT_FOUND");
    }

    @Test
    void anAttestationEchoesTheNonceAndVerifiesWithThePublicKeyAlone() throws Exception {
        JsonNode data = ok(slice.json("POST", "/api/tee/attestation",
                "{\"agentId\":\"" + agent + "\",\"nonce\":\"n-0123456789\"}"));
        JsonNode report = data.get("report");
        assertThat(report.get("nonce").asText()).isEqualTo("n-0123456789");
        assertThat(report.get("agentId").asText()).isEqualTo(agent.toString());
        assertThat(report.get("provider").asText()).isEqualTo("software");
        assertThat(report.get("timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(report.get("publicKey").asText())
                .isEqualTo(ok(slice.get("/api/tee/agents/" + agent)).get("publicKey").asText());
        byte[] signature = Base64.getDecoder().decode(data.get("signature").asText());
        assertThat(verifies(report, signature)).isTrue();
        ((ObjectNode) report).put("nonce", "n-9876543210");
        assertThat(verifies(report, signature)).isFalse();
    }

    private static boolean verifies(JsonNode report, byte[] signature) throws Exception {
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(report.get("publicKey").asText())));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(SORTED.writeValueAsBytes(SORTED.treeToValue(report, Object.class)));
        return verifier.verify(signature);
    }

    @Test
    void attestationRefusesBadBodies() throws Exception {
        error(slice.json("POST", "/api/tee/attestation", "{}"), 400, "MISSING_PARAM");
        error(slice.json("POST", "/api/tee/attestation", "[1]"), 400, "INVALID_REQUEST");
        error(slice.json("POST", "/api/tee/attestation", "{\"agentId\":\"nope\",\"nonce\":\"abcdefgh\"}"), 400,
                "INVALID_ID");
        error(slice.json("POST", "/api/tee/attestation", "{\"agentId\":\"" + agent + "\"}"), 400, "MISSING_PARAM");
        error(slice.json("POST", "/api/tee/attestation", "{\"agentId\":\"" + agent + "\",\"nonce\":\"short\"}"), 400,
                "INVALID_INPUT");
        error(slice.json("POST", "/api/tee/attestation", "{\"agentId\":\"" + agent + "\",\"nonce\":\"with \\\"quotes\\\" \"}"),
                400, "INVALID_INPUT");
        error(slice.json("POST", "/api/tee/attestation", "{\"agentId\":\"" + UUID.randomUUID()
                + "\",\"nonce\":\"abcdefgh\"}"), 404, "NOT_FOUND");
        error(slice.send("POST", "/api/tee/attestation", "text/plain", "{}"), 415, "INVALID_CONTENT_TYPE");
    }

    @Test
    void derivedKeysArePublicMaterialPerPath() throws Exception {
        JsonNode wallet = ok(slice.json("POST", "/api/tee/keys/derive",
                "{\"agentId\":\"" + agent + "\",\"path\":\"m/44'/501'/0'\"}"));
        assertThat(wallet.fieldNames()).toIterable().containsExactly("agentId", "name", "path", "algorithm",
                "publicKey", "publicKeyHex");
        assertThat(wallet.get("path").asText()).isEqualTo("m/44'/501'/0'");
        JsonNode again = ok(slice.json("POST", "/api/tee/keys/derive",
                "{\"agentId\":\"" + agent + "\",\"path\":\"m/44'/501'/0'\"}"));
        assertThat(again.get("publicKey")).isEqualTo(wallet.get("publicKey"));
        JsonNode other = ok(slice.json("POST", "/api/tee/keys/derive",
                "{\"agentId\":\"" + agent + "\",\"path\":\"m/44'/501'/1'\"}"));
        assertThat(other.get("publicKey")).isNotEqualTo(wallet.get("publicKey"));
        assertThat(wallet.get("publicKey")).isNotEqualTo(ok(slice.get("/api/tee/agents/" + agent)).get("publicKey"));
        error(slice.json("POST", "/api/tee/keys/derive", "{\"agentId\":\"" + agent + "\",\"path\":\"\"}"), 400,
                "INVALID_INPUT");
        error(slice.json("POST", "/api/tee/keys/derive", "{\"agentId\":\"" + agent + "\"}"), 400, "MISSING_PARAM");
    }

    @Test
    void withoutTheChosenProviderStatusSaysDisabledAndTheRestIs503() throws Exception {
        TeeProviders none = new TeeProviders("tdx");
        try (ResourceSlice bare = ResourceSlice.of(new TeeResource(none, agents,
                new CodeMeasurement(() -> new Bundle[0]), Clock.systemUTC()))) {
            JsonNode status = ok(bare.get("/api/tee/status"));
            assertThat(status.get("enabled").asBoolean()).isFalse();
            assertThat(status.get("provider").asText()).isEqualTo("tdx");
            error(bare.get("/api/tee/agents/" + agent), 503, "SERVICE_UNAVAILABLE");
            error(bare.json("POST", "/api/tee/attestation", "{\"agentId\":\"" + agent + "\",\"nonce\":\"abcdefgh\"}"),
                    503, "SERVICE_UNAVAILABLE");
        }
    }
}
