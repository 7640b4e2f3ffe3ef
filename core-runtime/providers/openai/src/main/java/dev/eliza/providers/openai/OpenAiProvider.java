package dev.eliza.providers.openai;

import java.time.Duration;

import org.osgi.service.component.annotations.Component;

import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.providers.support.RemoteModelProvider;
import dev.eliza.providers.support.Settings;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * OpenAI and OpenAI-compatible servers (chat completions, streamed; embeddings), selected by
 * {@code @elizaos/plugin-openai} and configured by the plugin's variables with its defaults.
 */
@Component(service = ModelProvider.class)
public final class OpenAiProvider extends RemoteModelProvider {
    static final String NAME = "openai";
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    static final String DEFAULT_SMALL = "gpt-4o-mini";
    static final String DEFAULT_LARGE = "gpt-4o";
    static final String DEFAULT_EMBEDDING = "text-embedding-3-small";

    private final Duration timeout;

    /** The provider with a one-minute timeout. */
    public OpenAiProvider() {
        this(Duration.ofSeconds(60));
    }

    OpenAiProvider(Duration timeout) {
        super(NAME, "@elizaos/plugin-openai",
                new TextModels("OPENAI_SMALL_MODEL", DEFAULT_SMALL, "OPENAI_LARGE_MODEL", DEFAULT_LARGE), timeout);
        this.timeout = timeout;
    }

    @Override
    protected Endpoint endpoint(ProviderSettings settings, String model) {
        String key = Settings.required(settings, "OPENAI_API_KEY", NAME);
        return new Endpoint(Settings.trimmed(settings.get("OPENAI_BASE_URL", DEFAULT_BASE_URL)), key, model);
    }

    @Override
    protected String embeddingModelName(ProviderSettings settings) {
        return settings.get("OPENAI_EMBEDDING_MODEL", DEFAULT_EMBEDDING);
    }

    // LangChain4j would look its HTTP client up through ServiceLoader, which cannot see the classes embedded in
    // this bundle; handing it the JDK client builder makes the lookup unnecessary.
    @Override
    protected StreamingChatModel chatModel(Endpoint endpoint) {
        return OpenAiStreamingChatModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(endpoint.baseUrl()).apiKey(endpoint.key()).modelName(endpoint.model())
                .timeout(timeout).build();
    }

    @Override
    protected EmbeddingModel embeddingModel(Endpoint endpoint) {
        // No retries here: the agent runtime retries with backoff and records each attempt.
        return OpenAiEmbeddingModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(endpoint.baseUrl()).apiKey(endpoint.key()).modelName(endpoint.model())
                .timeout(timeout).maxRetries(0).build();
    }
}
