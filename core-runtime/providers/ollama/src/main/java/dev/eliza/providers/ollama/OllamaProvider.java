package dev.eliza.providers.ollama;

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
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.time.Duration;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * A local or remote Ollama server (chat, streamed; embeddings), selected by {@code @elizaos/plugin-ollama} and
 * configured by the plugin's variables with its defaults. Ollama needs no key.
 */
@Component(service = ModelProvider.class)
public final class OllamaProvider implements ModelProvider {
    static final String NAME = "ollama";
    static final String DEFAULT_ENDPOINT = "http://localhost:11434/api";
    static final String DEFAULT_SMALL = "gemma3:latest";
    static final String DEFAULT_LARGE = "gemma3:latest";
    static final String DEFAULT_EMBEDDING = "nomic-embed-text:latest";
    private static final int CLIENTS = 32;

    private final Duration timeout;
    private final StreamedChat streamed;
    private final ClientCache<Endpoint, StreamingChatModel> chats = new ClientCache<>(CLIENTS);
    private final ClientCache<Endpoint, EmbeddingModel> embedders = new ClientCache<>(CLIENTS);

    /** The provider with a two-minute timeout (a local model may first have to load). */
    public OllamaProvider() {
        this(Duration.ofSeconds(120));
    }

    OllamaProvider(Duration timeout) {
        this.timeout = timeout;
        this.streamed = new StreamedChat(NAME, timeout);
    }

    @Override
    public String id() {
        return NAME;
    }

    @Override
    public Set<String> pluginNames() {
        return Set.of("@elizaos/plugin-ollama");
    }

    @Override
    public TextResult generate(TextRequest request, TextStream stream) {
        ProviderSettings settings = request.settings();
        String model = Settings.textModel(settings, request.modelClass(), "OLLAMA_SMALL_MODEL", DEFAULT_SMALL,
                "OLLAMA_LARGE_MODEL", DEFAULT_LARGE);
        StreamingChatModel chat = chats.get(new Endpoint(server(settings), model), this::chatModel);
        return streamed.run(chat, ChatTranscript.of(request, model), stream, null);
    }

    @Override
    public Embedding embed(String text, ProviderSettings settings) {
        Endpoint endpoint = new Endpoint(server(settings), settings.get("OLLAMA_EMBEDDING_MODEL", DEFAULT_EMBEDDING));
        EmbeddingModel embedder = embedders.get(endpoint, this::embeddingModel);
        try {
            return new Embedding(embedder.embed(text).content().vector(), endpoint.model());
        } catch (RuntimeException e) {
            throw Failures.classify(NAME, e, null);
        }
    }

    // ElizaOS's OLLAMA_API_ENDPOINT names the API root (…:11434/api); LangChain4j wants the server and adds /api.
    static String server(ProviderSettings settings) {
        String endpoint = Settings.trimmed(settings.get("OLLAMA_API_ENDPOINT", DEFAULT_ENDPOINT));
        return endpoint.endsWith("/api") ? endpoint.substring(0, endpoint.length() - "/api".length()) : endpoint;
    }

    private StreamingChatModel chatModel(Endpoint endpoint) {
        // The JDK HTTP client is handed over explicitly: LangChain4j's ServiceLoader lookup cannot see it in OSGi.
        return OllamaStreamingChatModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(endpoint.server()).modelName(endpoint.model()).timeout(timeout).build();
    }

    private EmbeddingModel embeddingModel(Endpoint endpoint) {
        // No retries here: the agent runtime retries with backoff and records each attempt.
        return OllamaEmbeddingModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(endpoint.server()).modelName(endpoint.model()).timeout(timeout).maxRetries(0).build();
    }

    private record Endpoint(String server, String model) {
    }
}
