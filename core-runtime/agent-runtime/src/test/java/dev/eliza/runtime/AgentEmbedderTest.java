package dev.eliza.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.eliza.models.api.ModelProviderException;

class AgentEmbedderTest {
    private final Harness h = new Harness();
    private final ScriptedProvider offline = new ScriptedProvider("offline");
    private final ScriptedProvider openai = new ScriptedProvider("openai", "@elizaos/plugin-openai");
    private final ScriptedProvider anthropic = new ScriptedProvider("anthropic", "@elizaos/plugin-anthropic");
    private final AgentEmbedder embedder = new AgentEmbedder(h.directory, h.lifecycle, h.providers,
            new ProviderSettingsResolver(Map.of()));

    AgentEmbedderTest() {
        offline.embedding = new float[] {1, 0};
        openai.embedding = new float[] {0, 1};
    }

    @Test
    void aRunningAgentEmbedsWithItsProviderAndTheSettingsItWasStartedWith() {
        h.providers.add(offline);
        h.providers.add(openai);
        UUID agent = h.directory.add("{\"name\":\"A\",\"plugins\":[\"@elizaos/plugin-openai\"]}", true);
        h.directory.secrets.put(agent, Map.of("OPENAI_API_KEY", "k1"));
        h.lifecycle.start(agent);
        h.directory.secrets.put(agent, Map.of("OPENAI_API_KEY", "changed"));

        assertThat(embedder.embed(agent, "x").model()).isEqualTo("openai-embedding");
        assertThat(openai.embedSettings.get(0).get("OPENAI_API_KEY")).hasValue("k1");
    }

    @Test
    void aStoppedAgentEmbedsWithItsStoredSecrets() {
        h.providers.add(openai);
        UUID agent = h.directory.add("{\"name\":\"A\",\"plugins\":[\"@elizaos/plugin-openai\"]}", true);
        h.directory.secrets.put(agent, Map.of("OPENAI_API_KEY", "stored"));

        embedder.embed(agent, "x");

        assertThat(openai.embedSettings.get(0).get("OPENAI_API_KEY")).hasValue("stored");
    }

    @Test
    void aProviderWithoutEmbeddingsLeavesThemToTheOfflineModel() {
        h.providers.add(anthropic);
        h.providers.add(offline);
        UUID agent = h.directory.add("{\"name\":\"A\",\"plugins\":[\"@elizaos/plugin-anthropic\"]}", true);

        assertThat(embedder.embed(agent, "x").model()).isEqualTo("offline-embedding");
    }

    @Test
    void aNamedEmbeddingProviderThatIsAwayIsWaitedForNotReplaced() {
        h.providers.add(offline);
        h.providers.add(anthropic);
        UUID agent = h.directory.add("{\"name\":\"A\",\"plugins\":[\"@elizaos/plugin-anthropic\","
                + "\"@elizaos/plugin-openai\"]}", true);

        assertThatThrownBy(() -> embedder.embed(agent, "x")).isInstanceOfSatisfying(ModelProviderException.class,
                e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void theSameTextOfTheSameAgentIsEmbeddedOnceWhileRecent() {
        h.providers.add(openai);
        UUID agent = h.directory.add("{\"name\":\"A\",\"plugins\":[\"@elizaos/plugin-openai\"]}", true);
        UUID other = h.directory.add("{\"name\":\"B\",\"plugins\":[\"@elizaos/plugin-openai\"]}", true);

        embedder.embed(agent, "hello");
        embedder.embed(agent, "hello");
        embedder.embed(other, "hello");
        embedder.embed(agent, "hello again");

        assertThat(openai.embedSettings).hasSize(3);
    }

    @Test
    void anUnknownAgentIsNoSuchElement() {
        h.providers.add(offline);

        assertThatThrownBy(() -> embedder.embed(UUID.randomUUID(), "x")).isInstanceOf(NoSuchElementException.class);
    }
}
