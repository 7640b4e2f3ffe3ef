package dev.eliza.models.api;

import java.util.UUID;

/**
 * Embeds texts for an agent with the agent's own model provider (the one its character selects, with the agent's
 * settings and secrets), falling back to the built-in offline model when that provider has no embedding model.
 * Registered by the agent runtime; the memory domain embeds memories and queries through it, so a memory and the
 * query that should find it always come from the same model.
 *
 * <pre>{@code
 * Embedding query = embeddings.embed(agentId, "what does the user like?");
 * }</pre>
 */
public interface AgentEmbeddings {

    /**
     * The embedding of {@code text} for this agent; {@link Embedding#model()} names the model that made it.
     *
     * @throws java.util.NoSuchElementException when there is no such agent
     * @throws ModelProviderException when no provider can embed it now (retryable when the provider may come back)
     */
    Embedding embed(UUID agentId, String text);
}
