package dev.eliza.providers.support;

import java.time.Duration;
import java.util.Set;

import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextResult;
import dev.eliza.models.api.TextStream;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * What every provider that calls a model server through LangChain4j does alike: picks the model the character's
 * settings name for the request's size, keeps one client per endpoint (bounded), streams the reply and classifies
 * failures without leaking the key. A subclass says how its settings make an endpoint and how its clients are built.
 */
public abstract class RemoteModelProvider implements ModelProvider {
    private static final int CLIENTS = 32;

    private final String id;
    private final String pluginName;
    private final TextModels textModels;
    private final StreamedChat streamed;
    private final ClientCache<Endpoint, StreamingChatModel> chats = new ClientCache<>(CLIENTS);
    private final ClientCache<Endpoint, EmbeddingModel> embedders = new ClientCache<>(CLIENTS);

    /** Which settings name the small and large text models, and the models used when they are not set. */
    public record TextModels(String smallSetting, String smallDefault, String largeSetting, String largeDefault) {
    }

    /** Where a client calls: the server, its key ({@code null} when it needs none) and the model. */
    public record Endpoint(String baseUrl, String key, String model) {
        @Override
        public String toString() {
            return baseUrl + " " + model;
        }
    }

    protected RemoteModelProvider(String id, String pluginName, TextModels textModels, Duration timeout) {
        this.id = id;
        this.pluginName = pluginName;
        this.textModels = textModels;
        this.streamed = new StreamedChat(id, timeout);
    }

    /** The endpoint for {@code model} from the character's settings. */
    protected abstract Endpoint endpoint(ProviderSettings settings, String model);

    /** A streaming chat client for the endpoint. */
    protected abstract StreamingChatModel chatModel(Endpoint endpoint);

    /** The embedding model the settings name, or {@code null} when this provider has none (the default). */
    protected String embeddingModelName(ProviderSettings settings) {
        return null;
    }

    /** An embedding client for the endpoint; only called when {@link #embeddingModelName} names a model. */
    protected EmbeddingModel embeddingModel(Endpoint endpoint) {
        throw new UnsupportedOperationException(id + " has no embedding model");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<String> pluginNames() {
        return Set.of(pluginName);
    }

    @Override
    public final TextResult generate(TextRequest request, TextStream stream) {
        ProviderSettings settings = request.settings();
        String model = Settings.textModel(settings, request.modelClass(), textModels.smallSetting(),
                textModels.smallDefault(), textModels.largeSetting(), textModels.largeDefault());
        Endpoint endpoint = endpoint(settings, model);
        StreamingChatModel chat = chats.get(endpoint, this::chatModel);
        return streamed.run(chat, ChatTranscript.of(request, model), stream, endpoint.key());
    }

    @Override
    public final boolean embeds(ProviderSettings settings) {
        return embeddingModelName(settings) != null;
    }

    @Override
    public final Embedding embed(String text, ProviderSettings settings) {
        String model = embeddingModelName(settings);
        if (model == null) {
            throw new ModelProviderException(id + " has no embedding model: add an embedding provider such as "
                    + "@elizaos/plugin-openai or @elizaos/plugin-ollama to the character", false);
        }
        Endpoint endpoint = endpoint(settings, model);
        EmbeddingModel embedder = embedders.get(endpoint, this::embeddingModel);
        try {
            return new Embedding(embedder.embed(text).content().vector(), endpoint.model());
        } catch (RuntimeException e) {
            throw Failures.classify(id, e, endpoint.key());
        }
    }

    /** How many clients are held. */
    public final int clients() {
        return chats.size() + embedders.size();
    }
}
