package dev.eliza.server.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.eliza.http.api.ApiException;

class LocalEnvFileTest {
    @TempDir
    Path dir;

    @Test
    void secretLookingValuesAreMaskedOnRead() {
        LocalEnvFile env = new LocalEnvFile(dir.resolve("conf/local.env"));
        env.replace(Map.of("OPENAI_API_KEY", "sk-1", "DB_PASSWORD", "pw", "AUTH_TOKEN", "t", "MODEL", "gpt"));
        assertThat(env.readMasked()).containsEntry("OPENAI_API_KEY", LocalEnvFile.MASK)
                .containsEntry("DB_PASSWORD", LocalEnvFile.MASK).containsEntry("AUTH_TOKEN", LocalEnvFile.MASK)
                .containsEntry("MODEL", "gpt");
    }

    @Test
    void aPasswordInsideADatabaseUrlIsMaskedToo() {
        LocalEnvFile env = new LocalEnvFile(dir.resolve("conf/local.env"));
        env.replace(Map.of("POSTGRES_URL", "postgresql://eliza:pa+ss@db:5432/eliza",
                "PUBLIC_URL", "https://eliza.example/x"));
        assertThat(env.readMasked()).containsEntry("POSTGRES_URL", LocalEnvFile.MASK)
                .containsEntry("PUBLIC_URL", "https://eliza.example/x");
    }

    @Test
    void writingTheMaskBackKeepsTheStoredSecret() throws Exception {
        Path file = dir.resolve("local.env");
        LocalEnvFile env = new LocalEnvFile(file);
        env.replace(Map.of("OPENAI_API_KEY", "sk-1"));
        env.replace(Map.of("OPENAI_API_KEY", LocalEnvFile.MASK, "MODEL", "gpt"));
        assertThat(Files.readString(file)).contains("OPENAI_API_KEY=sk-1").contains("MODEL=gpt");
    }

    @Test
    void aBadRequestChangesNothing() throws Exception {
        Path file = dir.resolve("local.env");
        LocalEnvFile env = new LocalEnvFile(file);
        env.replace(Map.of("KEEP", "1"));
        String before = Files.readString(file);
        assertThatThrownBy(() -> env.replace(Map.of("BAD-NAME", "x"))).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("INVALID_INPUT"));
        assertThatThrownBy(() -> env.replace(Map.of("OK", "two\nlines"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> env.replace(Map.of("OK", "lone \ud800 surrogate")))
                .isInstanceOf(ApiException.class).hasMessageContaining("not valid Unicode");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void valuesWithSpacesQuotesAndBackslashesRoundTrip() {
        LocalEnvFile env = new LocalEnvFile(dir.resolve("local.env"));
        String tricky = "say \"hi\" \\ # not a comment";
        env.replace(Map.of("GREETING", tricky));
        assertThat(env.readMasked()).containsEntry("GREETING", tricky);
    }
}
