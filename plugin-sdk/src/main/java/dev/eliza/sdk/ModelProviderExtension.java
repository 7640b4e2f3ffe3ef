package dev.eliza.sdk;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.pf4j.ExtensionPoint;

/**
 * A source of text (and optionally embeddings) an agent can talk through, the way ElizaOS model plugins are: an
 * agent uses it when its character's {@code plugins} name one of {@link #pluginNames()}. While the plugin is started
 * the platform offers it to the agent runtime under the id {@code plugin:<plugin id>:<id()>}, so a plugin can never
 * replace a built-in provider ({@code offline}, {@code openai}, …); when the plugin stops it is withdrawn, and
 * agents using it fall back as if it had never been there. Built-in providers win when they claim the same name.
 *
 * <pre>{@code
 * @Extension
 * public final class Shouter implements ModelProviderExtension {
 *     public String id() { return "shout"; }
 *     public Set<String> pluginNames() { return Set.of("@acme/plugin-shout"); }
 *     public GeneratedText generate(TextPrompt prompt, Consumer<String> chunks, PluginContext context) {
 *         String text = prompt.prompt().toUpperCase(Locale.ROOT);
 *         chunks.accept(text);
 *         return new GeneratedText(text, "shout-1", prompt.prompt().length() / 4, text.length() / 4);
 *     }
 * }
 * }</pre>
 */
public interface ModelProviderExtension extends ExtensionPoint {

    /** The provider's short id within the plugin: lower-case letters, digits and dashes, starting with a letter. */
    String id();

    /** The ElizaOS plugin names that select this provider, such as {@code @acme/plugin-shout}; at least one. */
    Set<String> pluginNames();

    /**
     * Generates the text for {@code prompt}, handing each piece to {@code chunks} as it comes, on the calling
     * thread (a provider that cannot stream hands the whole text once), and returns the whole.
     *
     * @throws ModelProviderFailure when no text can be had; say whether trying again may help
     */
    GeneratedText generate(TextPrompt prompt, Consumer<String> chunks, PluginContext context);

    /**
     * Embeds {@code text} with the provider's embedding model. By default the provider has none.
     *
     * @param settings the agent's settings, as in {@link TextPrompt#settings()}
     * @throws ModelProviderFailure when it cannot, or has no embedding model
     */
    default EmbeddedText embed(String text, Map<String, String> settings, PluginContext context) {
        throw new ModelProviderFailure(id() + " has no embedding model", false);
    }
}
