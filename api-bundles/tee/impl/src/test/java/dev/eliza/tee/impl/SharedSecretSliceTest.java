package dev.eliza.tee.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.apache.ibatis.session.SqlSessionFactory;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.http.testing.ResourceSlice;
import dev.eliza.persistence.impl.SharedTestDatabase;

/**
 * Nodes on one PostgreSQL and the sealed secret: nodes given the same file serve the same agent keys; a node whose
 * secret differs from the first node's answers 503 naming the setting instead of handing out other keys.
 */
class SharedSecretSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    private final DirectoryOfAgents agents = new DirectoryOfAgents();
    private SqlSessionFactory sessions;
    private UUID agent;

    @BeforeEach
    void setUp() throws Exception {
        SharedTestDatabase database = SharedTestDatabase.get();
        database.migrate("tee", SharedTestDatabase.migrations(SharedSecretSliceTest.class.getClassLoader(), "db/tee",
                "create tee secret"));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE tee_secret");
        }
        sessions = database.sessionFactory(getClass().getClassLoader(), TeeSecretMapper.class);
        agent = agents.add("Attested");
    }

    /** A node's {@code GET /api/tee/agents/:id/key}, its provider reading {@code secret}. */
    private HttpTester.Response keyOnANodeWith(Path secret) throws Exception {
        TeeProviders providers = new TeeProviders("software");
        providers.add(new SoftwareTeeProvider(secret, SecretFingerprint.stored(sessions)));
        try (ResourceSlice slice = ResourceSlice.of(new TeeResource(providers, agents,
                new CodeMeasurement(() -> new Bundle[0]), Clock.systemUTC()))) {
            return slice.get("/api/tee/agents/" + agent);
        }
    }

    @Test
    void nodesGivenTheSameSecretFileServeTheSameKeys() throws Exception {
        Path first = folder.resolve("a/tee/sealed-secret");
        HttpTester.Response onA = keyOnANodeWith(first);
        Path copy = Files.createDirectories(folder.resolve("b/tee")).resolve("sealed-secret");
        Files.copy(first, copy);
        HttpTester.Response onB = keyOnANodeWith(copy);
        assertThat(onA.getStatus()).as(onA.getContent()).isEqualTo(200);
        assertThat(onB.getStatus()).as(onB.getContent()).isEqualTo(200);
        assertThat(JSON.readTree(onB.getContent()).at("/data/publicKey").asText()).isNotBlank()
                .isEqualTo(JSON.readTree(onA.getContent()).at("/data/publicKey").asText());
    }

    @Test
    void aNodeWithAnotherSecretRefusesToSignAndNamesTheSetting() throws Exception {
        assertThat(keyOnANodeWith(folder.resolve("a/tee/sealed-secret")).getStatus()).isEqualTo(200);
        HttpTester.Response other = keyOnANodeWith(folder.resolve("b/tee/sealed-secret"));
        assertThat(other.getStatus()).isEqualTo(503);
        JsonNode body = JSON.readTree(other.getContent());
        assertThat(body.at("/error/code").asText()).isEqualTo("TEE_SECRET_MISMATCH");
        assertThat(body.at("/error/message").asText()).contains("TEE_SECRET_FILE").doesNotContain(folder.toString());
        assertThat(keyOnANodeWith(folder.resolve("a/tee/sealed-secret")).getStatus())
                .as("the first node still signs").isEqualTo(200);
    }

    @Test
    void theSecretFileIsTheSettingOrUnderTheDataFolder() {
        assertThat(SoftwareTeeProvider.secretFile(Map.of("TEE_SECRET_FILE", " /run/secrets/tee ",
                "DATA_DIR", "/srv/eliza")::get)).isEqualTo(Path.of("/run/secrets/tee"));
        assertThat(SoftwareTeeProvider.secretFile(Map.of("DATA_DIR", "/srv/eliza")::get))
                .isEqualTo(Path.of("/srv/eliza/tee/sealed-secret"));
        assertThat(SoftwareTeeProvider.secretFile(Map.<String, String>of()::get))
                .isEqualTo(Path.of("data/tee/sealed-secret"));
    }
}
