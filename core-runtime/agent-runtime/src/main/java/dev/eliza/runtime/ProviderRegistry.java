package dev.eliza.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ProviderSettings;

/**
 * The model providers registered now, in registration order, and the ElizaOS rule that picks one for a character:
 * the first provider whose plugin names meet the character's {@code plugins}; when the character names no provider
 * plugin at all, the offline one. A character that names a provider plugin which is absent (its bundle is being
 * updated) gets that provider, not the offline one: its messages wait for it instead of being answered by another
 * model.
 */
final class ProviderRegistry {
    /** The provider plugins ElizaOS characters name, known even while their bundle is away. */
    static final Set<String> KNOWN_PLUGINS = Set.of("@elizaos/plugin-openai", "@elizaos/plugin-anthropic",
            "@elizaos/plugin-ollama");

    private final List<ModelProvider> providers = new CopyOnWriteArrayList<>();
    private final Set<String> seenPlugins = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void add(ModelProvider provider) {
        seenPlugins.addAll(provider.pluginNames());
        providers.add(provider);
    }

    void remove(ModelProvider provider) {
        providers.remove(provider);
    }

    /** Which provider serves a character with these plugins, and whether it is here. */
    Selection select(List<String> plugins) {
        for (ModelProvider provider : providers) {
            if (plugins.stream().anyMatch(provider.pluginNames()::contains)) {
                return new Selection(Optional.of(provider), provider.id());
            }
        }
        Optional<String> named = plugins.stream()
                .filter(p -> KNOWN_PLUGINS.contains(p) || seenPlugins.contains(p)).findFirst();
        if (named.isPresent()) {
            return new Selection(Optional.empty(), named.get());
        }
        return offline();
    }

    /**
     * Which provider embeds for a character with these plugins: the first named one that has an embedding model;
     * while a named provider is away, that one (absent: embeddings wait for it rather than come from another model);
     * else the offline one.
     */
    Selection embedder(List<String> plugins, ProviderSettings settings) {
        for (ModelProvider provider : providers) {
            if (plugins.stream().anyMatch(provider.pluginNames()::contains) && provider.embeds(settings)) {
                return new Selection(Optional.of(provider), provider.id());
            }
        }
        Optional<String> absent = plugins.stream()
                .filter(p -> KNOWN_PLUGINS.contains(p) || seenPlugins.contains(p))
                .filter(p -> providers.stream().noneMatch(provider -> provider.pluginNames().contains(p)))
                .findFirst();
        if (absent.isPresent()) {
            return new Selection(Optional.empty(), absent.get());
        }
        return offline();
    }

    private Selection offline() {
        return new Selection(providers.stream().filter(p -> ModelProvider.OFFLINE.equals(p.id())).findFirst(),
                ModelProvider.OFFLINE);
    }

    /** The ids of the providers here, for messages. */
    List<String> ids() {
        return new ArrayList<>(providers.stream().map(ModelProvider::id).collect(Collectors.toList()));
    }

    /**
     * The outcome of a selection.
     *
     * @param provider the provider, when it is registered
     * @param wanted the provider's id, or the plugin naming the absent one
     */
    record Selection(Optional<ModelProvider> provider, String wanted) {
        String missingReason() {
            return "no model provider for " + wanted + " is registered";
        }
    }
}
