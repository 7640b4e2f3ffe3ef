package dev.eliza.models.api;

import java.util.Set;

/**
 * A source of text and embeddings, registered as a service by its own bundle (or by a plugin through the SDK).
 * The agent runtime picks one per agent the ElizaOS way: the first provider whose {@link #pluginNames()} names a
 * plugin in the character's {@code plugins}, else the provider with id {@value #OFFLINE}.
 *
 * <pre>{@code
 * @Component(service = ModelProvider.class)
 * public final class EchoProvider implements ModelProvider {
 *     public String id() { return "echo"; }
 *     public Set<String> pluginNames() { return Set.of("@acme/plugin-echo"); }
 *     public TextResult generate(TextRequest request, TextStream stream) {
 *         stream.next(request.prompt());
 *         return new TextResult(request.prompt(), "echo", 1, 1);
 *     }
 *     public Embedding embed(String text, ProviderSettings settings) { ... }
 * }
 * }</pre>
 */
public interface ModelProvider {
    /** The id of the built-in provider used when a character names none. */
    String OFFLINE = "offline";

    /** The provider's id ({@code offline}, {@code openai}, {@code anthropic}, {@code ollama}, …). */
    String id();

    /** The ElizaOS plugin names that select this provider, for example {@code @elizaos/plugin-openai}. */
    Set<String> pluginNames();

    /**
     * Generates text, handing each piece to {@code stream} as it comes (a provider that cannot stream hands the
     * whole text once), and returns the whole.
     *
     * @throws ModelProviderException when the provider cannot answer
     */
    TextResult generate(TextRequest request, TextStream stream);

    /**
     * Whether the provider has an embedding model with these settings; when it has none (Anthropic), an agent's
     * texts are embedded by the offline model instead. True unless a provider says otherwise.
     */
    default boolean embeds(ProviderSettings settings) {
        return true;
    }

    /**
     * Embeds a text with the provider's embedding model.
     *
     * @throws ModelProviderException when the provider cannot, or has no embedding model
     */
    Embedding embed(String text, ProviderSettings settings);
}
