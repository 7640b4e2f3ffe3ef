package dev.eliza.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProviderRegistryTest {
    private final ProviderRegistry registry = new ProviderRegistry();
    private final ScriptedProvider offline = new ScriptedProvider("offline");
    private final ScriptedProvider openai = new ScriptedProvider("openai", "@elizaos/plugin-openai");
    private final ScriptedProvider ollama = new ScriptedProvider("ollama", "@elizaos/plugin-ollama");

    @Test
    void theFirstRegisteredProviderNamedByThePluginsWins() {
        registry.add(offline);
        registry.add(ollama);
        registry.add(openai);

        ProviderRegistry.Selection selection = registry.select(
                List.of("@elizaos/plugin-sql", "@elizaos/plugin-openai", "@elizaos/plugin-ollama"));

        assertThat(selection.provider()).containsSame(ollama);
    }

    @Test
    void aCharacterNamingNoProviderGetsTheOfflineOne() {
        registry.add(openai);
        registry.add(offline);

        assertThat(registry.select(List.of("@elizaos/plugin-bootstrap")).provider()).containsSame(offline);
        assertThat(registry.select(List.of()).provider()).containsSame(offline);
    }

    @Test
    void aNamedProviderThatIsAwayIsWaitedForNotReplacedByOffline() {
        registry.add(offline);
        ScriptedProvider custom = new ScriptedProvider("acme", "@acme/plugin-model");
        registry.add(custom);
        registry.remove(custom);

        ProviderRegistry.Selection known = registry.select(List.of("@elizaos/plugin-anthropic"));
        ProviderRegistry.Selection seen = registry.select(List.of("@acme/plugin-model"));

        assertThat(known.provider()).isEmpty();
        assertThat(known.missingReason()).isEqualTo("no model provider for @elizaos/plugin-anthropic is registered");
        assertThat(seen.provider()).isEmpty();
        assertThat(seen.wanted()).isEqualTo("@acme/plugin-model");
    }

    @Test
    void withoutTheOfflineProviderNothingServesAPlainCharacter() {
        assertThat(registry.select(List.of()).provider()).isEmpty();
        assertThat(registry.select(List.of()).wanted()).isEqualTo("offline");
    }
}
