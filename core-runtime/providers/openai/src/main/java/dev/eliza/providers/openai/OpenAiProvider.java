package dev.eliza.providers.openai;

import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextResult;
import dev.eliza.models.api.TextStream;
import dev.eliza.providers.support.ChatTranscript;
import dev.eliza.providers.support.ClientCache;
import dev.eliza.providers.support.Failures;
import dev.eliza.providers.support.Settings;
import dev.eliza.providers.support.StreamedChat;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * OpenAI and OpenAI-compatible servers (chat completions, streamed; embeddings), selected by
 * {@code @elizaos/plugin-openai} and configured by the plugin's variables with its defaults.
 */
@Component(service = ModelProvider.class)
public final class OpenAiProvider implements ModelProvider {
    static final String NAME = "openai";
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    static final String DEFAULT_SMALL = "gpt-4o-mini";
    static final String DEFAULT_LARGE = "gpt-4o";
    static final String DEFAULT_EMBEDDING = "text-embedding-3-small";
    private static final int CLIENTS = 32;

    private final Duration timeout;
    private final StreamedChat streamed;
    private final ClientCache<Endpoint, StreamingChatModel> chats = new ClientCache<>(CLIENTS);
    private final ClientCache<Endpoint, EmbeddingModel> embedders = new ClientCache<>(CLIENTS);

    /** The provider with a one-minute timeout. */
    public OpenAiProvider() {
        this(Duration.ofSeconds(60));
    }

    OpenAiProvider(Duration timeout) {
        this.timeout = timeout;
        this.streamed = new StreamedChat(NAME, timeout);
    }

    @Override
    public String id() {
        return NAME;
    }

    @Override
    public Set<String> pluginNames() {
        return Set.of("@elizaos/plugin-openai");
    }

    @Override
    public TextResult generate(TextRequest request, TextStream stream) {
        ProviderSettings settings = request.settings();
        String model = Settings.textModel(settings, request.modelClass(), "OPENAI_SMALL_MODEL", DEFAULT_SMALL,
                "OPENAI_LARGE_MODEL", DEFAULT_LARGE);
        Endpoint endpoint = endpoint(settings, model);
        StreamingChatModel chat = chats.get(endpoint, this::chatModel);
        return streamed.run(chat, ChatTranscript.of(request, model), stream, endpoint.key());
    }

    @Override
    public Embedding embed(String text, ProviderSettings settings) {
        Endpoint endpoint = endpoint(settings, settings.get("OPENAI_EMBEDDING_MODEL", DEFAULT_EMBEDDING));
        EmbeddingModel embedder = embedders.get(endpoint, this::embeddingModel);
        try {
            return new Embedding(embedder.embed(text).content().vector(), endpoint.model());
        } catch (RuntimeException e) {
            throw Failures.classify(NAME, e, endpoint.key());
        }
    }

    int clients() {
        return chats.size() + embedders.size();
    }

    private static Endpoint endpoint(ProviderSettings settings, String model) {
        String key = Settings.required(settings, "OPENAI_API_KEY", NAME);
        return new Endpoint(Settings.trimmed(settings.get("OPENAI_BASE_URL", DEFAULT_BASE_URL)), key, model);
    }

    // LangChain4j would look its HTTP client up through ServiceLoader, which cannot see the classes embedded in
    // this bundle; handing it the JDK client builder makes the lookup unnecessary.
    private StreamingChatModel chatModel(Endpoint endpoint) {
        return OpenAiStreamingChatModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(endpoint.baseUrl()).apiKey(endpoint.key()).modelName(endpoint.model())
                .timeout(timeout).build();
    }

    private EmbeddingModel embeddingModel(Endpoint endpoint) {
        // No retries here: the agent runtime retries with backoff and records each attempt.
        return OpenAiEmbeddingModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(endpoint.baseUrl()).apiKey(endpoint.key()).modelName(endpoint.model())
                .timeout(timeout).maxRetries(0).build();
    }

    private record Endpoint(String baseUrl, String key, String model) {
        @Override
        public String toString() {
            return baseUrl + " " + model;
        }
    }
}
