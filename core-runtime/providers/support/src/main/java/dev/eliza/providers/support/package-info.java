/**
 * LangChain4j glue shared by the OpenAI, Anthropic and Ollama provider bundles: each embeds this package privately
 * (bnd {@code -conditionalpackage}), so it is never a bundle of its own.
 */
package dev.eliza.providers.support;
