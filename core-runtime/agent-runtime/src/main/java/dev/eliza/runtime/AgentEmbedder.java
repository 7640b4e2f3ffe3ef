package dev.eliza.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.models.api.AgentEmbeddings;
import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.ProviderSettings;

/**
 * Embeds for an agent with the provider its character selects for embeddings ({@link ProviderRegistry#embedder}):
 * a running agent with the settings it was started with, a stopped one with its stored character and secrets, so
 * its memories stay searchable while it is stopped. The latest embeddings are kept a short while: a message is
 * embedded to recall what bears on it, then again when its own memory is filed, and the second costs nothing.
 */
final class AgentEmbedder implements AgentEmbeddings {
    private static final int RECENT = 512;
    private static final long RECENT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    /** What an embedding depends on: a changed provider or setting (another model) is another key. */
    private record Key(UUID agentId, String provider, ProviderSettings settings, String text) {
    }

    private record Made(Embedding embedding, long at) {
    }

    private final Map<Key, Made> recent = new LinkedHashMap<>(RECENT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Made> eldest) {
            return size() > RECENT;
        }
    };
    private final AgentDirectory directory;
    private final AgentLifecycle lifecycle;
    private final ProviderRegistry providers;
    private final ProviderSettingsResolver resolver;

    AgentEmbedder(AgentDirectory directory, AgentLifecycle lifecycle, ProviderRegistry providers,
                  ProviderSettingsResolver resolver) {
        this.directory = directory;
        this.lifecycle = lifecycle;
        this.providers = providers;
        this.resolver = resolver;
    }

    @Override
    public Embedding embed(UUID agentId, String text) {
        AgentLifecycle.Running running = lifecycle.running(agentId).orElseGet(() -> stored(agentId));
        ProviderSettings settings = running.settings();
        ProviderRegistry.Selection selection = providers.embedder(
                AgentLifecycle.plugins(running.agent().character().path("plugins")), settings);
        ModelProvider provider = selection.provider()
                .orElseThrow(() -> new ModelProviderException(selection.missingReason(), true));
        Key key = new Key(agentId, provider.id(), settings, text);
        long now = System.nanoTime();
        synchronized (recent) {
            Made made = recent.get(key);
            if (made != null && now - made.at() < RECENT_NANOS) {
                return made.embedding();
            }
        }
        Embedding embedding = provider.embed(text, settings);
        synchronized (recent) {
            recent.put(key, new Made(embedding, now));
        }
        return embedding;
    }

    private AgentLifecycle.Running stored(UUID agentId) {
        Agent agent = directory.find(agentId).orElseThrow(() -> new NoSuchElementException("no agent " + agentId));
        return new AgentLifecycle.Running(agent, resolver.resolve(agent.character(), directory.secrets(agentId)));
    }
}
