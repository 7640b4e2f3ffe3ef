/** Speech through an OpenAI-compatible {@code /v1/audio} API, with the JDK's HTTP client. */
package dev.eliza.providers.audio.openai;
