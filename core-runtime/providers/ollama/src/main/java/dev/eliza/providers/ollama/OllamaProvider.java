package dev.eliza.providers.ollama;

import java.time.Duration;

import org.osgi.service.component.annotations.Component;

import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.providers.support.RemoteModelProvider;
import dev.eliza.providers.support.Settings;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;

/**
 * A local or remote Ollama server (chat, streamed; embeddings), selected by {@code @elizaos/plugin-ollama} and
 * configured by the plugin's variables with its defaults. Ollama needs no key.
 */
@Component(service = ModelProvider.class)
public final class OllamaProvider extends RemoteModelProvider {
    static final String NAME = "ollama";
    static final String DEFAULT_ENDPOINT = "http://localhost:11434/api";
    static final String DEFAULT_SMALL = "gemma3:latest";
    static final String DEFAULT_LARGE = "gemma3:latest";
    static final String DEFAULT_EMBEDDING = "nomic-embed-text:latest";

    private final Duration timeout;

    /** The provider with a two-minute timeout (a local model may first have to load). */
    public OllamaProvider() {
        this(Duration.ofSeconds(120));
    }

    OllamaProvider(Duration timeout) {
        super(NAME, "@elizaos/plugin-ollama",
                new TextModels("OLLAMA_SMALL_MODEL", DEFAULT_SMALL, "OLLAMA_LARGE_MODEL", DEFAULT_LARGE), timeout);
        this.timeout = timeout;
    }

    @Override
    protected Endpoint endpoint(ProviderSettings settings, String model) {
        return new Endpoint(server(settings), null, model);
    }

    @Override
    protected String embeddingModelName(ProviderSettings settings) {
        return settings.get("OLLAMA_EMBEDDING_MODEL", DEFAULT_EMBEDDING);
    }

    // ElizaOS's OLLAMA_API_ENDPOINT names the API root (…:11434/api); LangChain4j wants the server and adds /api.
    static String server(ProviderSettings settings) {
        String endpoint = Settings.trimmed(settings.get("OLLAMA_API_ENDPOINT", DEFAULT_ENDPOINT));
        return endpoint.endsWith("/api") ? endpoint.substring(0, endpoint.length() - "/api".length()) : endpoint;
    }

    @Override
    protected StreamingChatModel chatModel(Endpoint endpoint) {
        // The JDK HTTP client is handed over explicitly: LangChain4j's ServiceLoader lookup cannot see it in OSGi.
        return OllamaStreamingChatModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(endpoint.baseUrl()).modelName(endpoint.model()).timeout(timeout).build();
    }

    @Override
    protected EmbeddingModel embeddingModel(Endpoint endpoint) {
        // No retries here: the agent runtime retries with backoff and records each attempt.
        return OllamaEmbeddingModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(endpoint.baseUrl()).modelName(endpoint.model()).timeout(timeout).maxRetries(0).build();
    }
}
