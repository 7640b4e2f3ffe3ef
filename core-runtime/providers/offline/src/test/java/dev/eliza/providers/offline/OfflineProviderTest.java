package dev.eliza.providers.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextResult;

class OfflineProviderTest {
    @TempDir
    Path natives;

    @Test
    void isTheOfflineProviderSelectedByTheLocalPlugins() {
        OfflineProvider provider = new OfflineProvider(natives);
        assertThat(provider.id()).isEqualTo(ModelProvider.OFFLINE);
        assertThat(provider.pluginNames()).contains("@elizaos/plugin-local-ai", "@elizaos/plugin-offline");
    }

    @Test
    void streamsTheAnswerWordByWordAndTheChunksMakeTheWhole() {
        OfflineProvider provider = new OfflineProvider(natives);
        List<String> chunks = new ArrayList<>();
        TextResult result = provider.generate(Conversations.reply("I am worried about my exam tomorrow"),
                chunks::add);
        assertThat(chunks).hasSizeGreaterThan(3);
        assertThat(String.join("", chunks)).isEqualTo(result.text());
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.strip()).doesNotContain(" "));
        assertThat(result.model()).isEqualTo(OfflineProvider.TEXT_MODEL);
        assertThat(result.completionTokens()).isEqualTo((result.text().length() + 3) / 4);
        assertThat(result.promptTokens()).isEqualTo(("You are Ada.".length()
                + "I am worried about my exam tomorrow".length() + 3) / 4);
    }

    @Test
    void keepsWithinMaxTokens() {
        TextRequest base = Conversations.reply("I want to learn to play the violin really well this year");
        TextRequest small = new TextRequest(base.agentId(), base.purpose(), base.modelClass(), base.system(),
                base.history(), base.prompt(), 3, 0, base.settings());
        TextResult result = new OfflineProvider(natives).generate(small, chunk -> { });
        assertThat(result.completionTokens()).isLessThanOrEqualTo(3);
        assertThat(result.text()).isNotEmpty();
    }

    @Test
    void titlesAreShortAndMadeOfTheConversationsSalientWords() {
        OfflineProvider provider = new OfflineProvider(natives);
        TextRequest request = Conversations.title("I need help planning my garden this spring",
                "What would you like to grow?", "Tomatoes mostly, and the garden gets little sun",
                "Tomatoes like sun.", "Maybe a greenhouse for the tomatoes");
        List<String> chunks = new ArrayList<>();
        String title = provider.generate(request, chunks::add).text();
        assertThat(title.split(" ")).hasSizeBetween(2, 6);
        assertThat(title).contains("Garden").contains("Tomatoes").doesNotContain("Write", "Title");
        assertThat(String.join("", chunks)).isEqualTo(title);
        assertThat(provider.generate(request, chunk -> { }).text()).isEqualTo(title);
        assertThat(provider.generate(Conversations.title("hi"), chunk -> { }).text()).isEqualTo("New Conversation");
        assertThat(provider.generate(Conversations.title("gardening?"), chunk -> { }).text())
                .isEqualTo("About Gardening");
    }

    @Test
    void repliesInMicroseconds() {
        OfflineProvider provider = new OfflineProvider(natives);
        TextRequest request = Conversations.reply("I feel like my work never ends and I am tired",
                "hello", "Hello! I'm Ada.", "my boss keeps adding tasks", "Your boss keeps adding tasks?");
        for (int i = 0; i < 20_000; i++) {
            provider.generate(request, chunk -> { });
        }
        int replies = 50_000;
        long started = System.nanoTime();
        for (int i = 0; i < replies; i++) {
            provider.generate(request, chunk -> { });
        }
        double micros = (System.nanoTime() - started) / 1_000.0 / replies;
        System.out.printf("offline reply: %.1f us each%n", micros);
        assertThat(micros).as("microseconds per reply").isLessThan(200);
    }
}
