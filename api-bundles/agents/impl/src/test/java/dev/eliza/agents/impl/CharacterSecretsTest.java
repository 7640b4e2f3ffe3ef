package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CharacterSecretsTest {
    private final CharacterSecrets secrets = new CharacterSecrets(new SecretCipher("k".getBytes(StandardCharsets.UTF_8)));

    @Test
    void encryptsBothSecretPlacesAndNothingElse() throws Exception {
        ObjectNode character = (ObjectNode) new ObjectMapper().readTree("{\"name\":\"n\",\"system\":\"s3cret\","
                + "\"settings\":{\"model\":\"m\",\"secrets\":{\"TOKEN\":\"s3cret\",\"PORT\":8080}},"
                + "\"secrets\":{\"OTHER\":\"x\"}}");
        secrets.encrypt(character);
        assertThat(character.path("settings").path("secrets").path("TOKEN").asText()).isNotEqualTo("s3cret");
        assertThat(character.path("settings").path("secrets").path("PORT").asText()).isNotEqualTo("8080");
        assertThat(character.path("secrets").path("OTHER").asText()).isNotEqualTo("x");
        assertThat(character.path("system").asText()).isEqualTo("s3cret");
        assertThat(character.path("settings").path("model").asText()).isEqualTo("m");
        assertThat(secrets.decrypt(character)).containsEntry("TOKEN", "s3cret").containsEntry("PORT", "8080")
                .containsEntry("OTHER", "x");
    }
}
