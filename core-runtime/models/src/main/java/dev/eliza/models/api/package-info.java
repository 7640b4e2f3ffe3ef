/**
 * The model provider contract: {@link dev.eliza.models.api.ModelProvider} services generate text (streamed) and
 * embeddings for the agent runtime, and {@link dev.eliza.models.api.AgentEmbeddings} (registered by the agent
 * runtime) embeds for a given agent with its own provider. Providers live in bundles of their own so each can be
 * updated while the server runs; the built-in {@code offline} provider is the default.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.eliza.models.api;
