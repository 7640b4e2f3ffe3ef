package dev.eliza.providers.anthropic;

import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextResult;
import dev.eliza.models.api.TextStream;
import dev.eliza.providers.support.ChatTranscript;
import dev.eliza.providers.support.ClientCache;
import dev.eliza.providers.support.Settings;
import dev.eliza.providers.support.StreamedChat;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.time.Duration;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Anthropic's Claude (the messages API, streamed), selected by {@code @elizaos/plugin-anthropic} and configured by
 * the plugin's variables with its defaults. Anthropic has no embedding model.
 */
@Component(service = ModelProvider.class)
public final class AnthropicProvider implements ModelProvider {
    static final String NAME = "anthropic";
    static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";
    static final String DEFAULT_SMALL = "claude-3-5-haiku-latest";
    static final String DEFAULT_LARGE = "claude-3-5-sonnet-latest";
    // The messages API requires max_tokens; this is used when a request names none.
    private static final int DEFAULT_MAX_TOKENS = 4096;
    private static final int CLIENTS = 32;

    private final Duration timeout;
    private final StreamedChat streamed;
    private final ClientCache<Endpoint, StreamingChatModel> chats = new ClientCache<>(CLIENTS);

    /** The provider with a one-minute timeout. */
    public AnthropicProvider() {
        this(Duration.ofSeconds(60));
    }

    AnthropicProvider(Duration timeout) {
        this.timeout = timeout;
        this.streamed = new StreamedChat(NAME, timeout);
    }

    @Override
    public String id() {
        return NAME;
    }

    @Override
    public Set<String> pluginNames() {
        return Set.of("@elizaos/plugin-anthropic");
    }

    @Override
    public TextResult generate(TextRequest request, TextStream stream) {
        ProviderSettings settings = request.settings();
        String model = Settings.textModel(settings, request.modelClass(), "ANTHROPIC_SMALL_MODEL", DEFAULT_SMALL,
                "ANTHROPIC_LARGE_MODEL", DEFAULT_LARGE);
        String key = Settings.required(settings, "ANTHROPIC_API_KEY", NAME);
        Endpoint endpoint = new Endpoint(Settings.trimmed(settings.get("ANTHROPIC_BASE_URL", DEFAULT_BASE_URL)), key,
                model);
        StreamingChatModel chat = chats.get(endpoint, this::chatModel);
        return streamed.run(chat, ChatTranscript.of(request, model), stream, key);
    }

    @Override
    public Embedding embed(String text, ProviderSettings settings) {
        throw new ModelProviderException("anthropic has no embedding model: add an embedding provider such as "
                + "@elizaos/plugin-openai or @elizaos/plugin-ollama to the character", false);
    }

    private StreamingChatModel chatModel(Endpoint endpoint) {
        // The JDK HTTP client is handed over explicitly: LangChain4j's ServiceLoader lookup cannot see it in OSGi.
        return AnthropicStreamingChatModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(endpoint.baseUrl() + "/").apiKey(endpoint.key()).modelName(endpoint.model())
                .maxTokens(DEFAULT_MAX_TOKENS).timeout(timeout).build();
    }

    private record Endpoint(String baseUrl, String key, String model) {
        @Override
        public String toString() {
            return baseUrl + " " + model;
        }
    }
}
