package dev.eliza.providers.anthropic;

import java.time.Duration;

import org.osgi.service.component.annotations.Component;

import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.providers.support.RemoteModelProvider;
import dev.eliza.providers.support.Settings;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * Anthropic's Claude (the messages API, streamed), selected by {@code @elizaos/plugin-anthropic} and configured by
 * the plugin's variables with its defaults. Anthropic has no embedding model.
 */
@Component(service = ModelProvider.class)
public final class AnthropicProvider extends RemoteModelProvider {
    static final String NAME = "anthropic";
    static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";
    static final String DEFAULT_SMALL = "claude-3-5-haiku-latest";
    static final String DEFAULT_LARGE = "claude-3-5-sonnet-latest";
    // The messages API requires max_tokens; this is used when a request names none.
    private static final int DEFAULT_MAX_TOKENS = 4096;

    private final Duration timeout;

    /** The provider with a one-minute timeout. */
    public AnthropicProvider() {
        this(Duration.ofSeconds(60));
    }

    AnthropicProvider(Duration timeout) {
        super(NAME, "@elizaos/plugin-anthropic", new TextModels("ANTHROPIC_SMALL_MODEL", DEFAULT_SMALL,
                "ANTHROPIC_LARGE_MODEL", DEFAULT_LARGE), timeout);
        this.timeout = timeout;
    }

    @Override
    protected Endpoint endpoint(ProviderSettings settings, String model) {
        String key = Settings.required(settings, "ANTHROPIC_API_KEY", NAME);
        return new Endpoint(Settings.trimmed(settings.get("ANTHROPIC_BASE_URL", DEFAULT_BASE_URL)), key, model);
    }

    @Override
    protected StreamingChatModel chatModel(Endpoint endpoint) {
        // The JDK HTTP client is handed over explicitly: LangChain4j's ServiceLoader lookup cannot see it in OSGi.
        return AnthropicStreamingChatModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(endpoint.baseUrl() + "/").apiKey(endpoint.key()).modelName(endpoint.model())
                .maxTokens(DEFAULT_MAX_TOKENS).timeout(timeout).build();
    }
}
