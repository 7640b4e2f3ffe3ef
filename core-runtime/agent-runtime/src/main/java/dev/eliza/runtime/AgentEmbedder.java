package dev.eliza.runtime;

import java.util.NoSuchElementException;
import java.util.UUID;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.models.api.AgentEmbeddings;
import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.ProviderSettings;

/**
 * Embeds for an agent with the provider its character selects for embeddings ({@link ProviderRegistry#embedder}):
 * a running agent with the settings it was started with, a stopped one with its stored character and secrets, so
 * its memories stay searchable while it is stopped.
 */
final class AgentEmbedder implements AgentEmbeddings {
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
        return selection.provider()
                .orElseThrow(() -> new ModelProviderException(selection.missingReason(), true))
                .embed(text, settings);
    }

    private AgentLifecycle.Running stored(UUID agentId) {
        Agent agent = directory.find(agentId).orElseThrow(() -> new NoSuchElementException("no agent " + agentId));
        return new AgentLifecycle.Running(agent, resolver.resolve(agent.character(), directory.secrets(agentId)));
    }
}
