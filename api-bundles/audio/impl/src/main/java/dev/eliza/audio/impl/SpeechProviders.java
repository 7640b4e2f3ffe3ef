package dev.eliza.audio.impl;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.eliza.audio.api.SpeechProvider;

/**
 * The speech providers registered now, and the rule that picks one for a character, as the agent runtime picks a
 * model provider: the first provider whose plugin names meet the character's {@code plugins}; while a provider the
 * character names is away (its bundle is being updated), that one, absent, rather than another; else the offline
 * one.
 */
final class SpeechProviders {
    /** The plugins ElizaOS characters name for speech, known even while their provider is away. */
    static final Set<String> KNOWN_PLUGINS = Set.of("@elizaos/plugin-openai");

    private final List<SpeechProvider> providers = new CopyOnWriteArrayList<>();
    private final Set<String> seenPlugins = ConcurrentHashMap.newKeySet();

    void add(SpeechProvider provider) {
        seenPlugins.addAll(provider.pluginNames());
        providers.add(provider);
    }

    void remove(SpeechProvider provider) {
        providers.remove(provider);
    }

    Selection select(List<String> plugins) {
        for (SpeechProvider provider : providers) {
            if (plugins.stream().anyMatch(provider.pluginNames()::contains)) {
                return new Selection(Optional.of(provider), provider.id());
            }
        }
        Optional<String> named = plugins.stream().filter(p -> KNOWN_PLUGINS.contains(p) || seenPlugins.contains(p))
                .findFirst();
        if (named.isPresent()) {
            return new Selection(Optional.empty(), named.get());
        }
        return new Selection(providers.stream().filter(p -> SpeechProvider.OFFLINE.equals(p.id())).findFirst(),
                SpeechProvider.OFFLINE);
    }

    /**
     * The outcome of a selection.
     *
     * @param provider the provider, when registered
     * @param wanted its id, or the plugin naming the absent one
     */
    record Selection(Optional<SpeechProvider> provider, String wanted) {
        String missingReason() {
            return SpeechProvider.OFFLINE.equals(wanted)
                    ? "The offline speech provider is not running: install and start the provider-audio-offline bundle"
                    : "No speech provider for " + wanted + " is registered: install and start its bundle"
                            + " (provider-audio-openai for @elizaos/plugin-openai)";
        }
    }
}
