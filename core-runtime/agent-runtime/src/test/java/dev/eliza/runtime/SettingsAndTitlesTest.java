package dev.eliza.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.TextRequest;

class SettingsAndTitlesTest {
    @Test
    void settingsComeFromTheConfigurationOrTheirDefaults() {
        RuntimeSettings settings = RuntimeSettings.from(Map.of("AGENT_MAX_REPLY_DEPTH", "5",
                "AGENT_RETRY_BASE_MS", " 100 ", "AGENT_PROVIDER_WAIT_MS", "")::get);

        assertThat(settings.maxDepth()).isEqualTo(5);
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofMillis(400));
        assertThat(settings.providerWait()).isEqualTo(RuntimeSettings.DEFAULTS.providerWait());
        assertThatThrownBy(() -> RuntimeSettings.from(Map.of("AGENT_WORKERS", "many")::get))
                .hasMessageContaining("AGENT_WORKERS");
    }

    @Test
    void aTitleComesFromTheAgentsProviderCleaned() {
        Harness h = new Harness();
        ScriptedProvider offline = new ScriptedProvider("offline");
        offline.answer = request -> "Title: \"Tea and algebra.\"";
        h.providers.add(offline);
        UUID agent = h.directory.add("{\"name\":\"Ada\"}", true);
        TitleMaker titles = new TitleMaker(h.parts);

        assertThat(titles.title(agent, List.of(FakeReplies.message(UUID.randomUUID(), UUID.randomUUID(),
                "Shall we do algebra over tea?")))).hasValue("Tea and algebra");
        assertThat(offline.requests).singleElement().satisfies(r -> {
            assertThat(r.purpose()).isEqualTo(TextRequest.Purpose.TITLE);
            assertThat(r.history()).hasSize(1);
        });
    }

    @Test
    void noTitleWhenTheProviderFailsOrTheAgentIsUnknown() {
        Harness h = new Harness();
        ScriptedProvider offline = new ScriptedProvider("offline");
        offline.failures.add(new ModelProviderException("down", true));
        h.providers.add(offline);
        UUID agent = h.directory.add("{\"name\":\"Ada\"}", true);
        TitleMaker titles = new TitleMaker(h.parts);
        var messages = List.of(FakeReplies.message(UUID.randomUUID(), UUID.randomUUID(), "hi"));

        assertThat(titles.title(agent, messages)).isEmpty();
        assertThat(titles.title(UUID.randomUUID(), messages)).isEmpty();
        assertThat(TitleMaker.clean("  ''  ")).isEmpty();
    }
}
