package dev.eliza.models.api;

import java.util.List;
import java.util.UUID;

/**
 * A request for text.
 *
 * @param agentId the agent asking (providers may keep per-agent state, such as the offline responder's topics)
 * @param purpose what the text is for, so a provider without a language model (the offline one) can still serve it
 * @param modelClass which of the provider's models to use
 * @param system the system prompt composed from the character
 * @param history earlier turns of the conversation, oldest first
 * @param prompt the message to answer, or the whole task for a one-shot request (a title, a summary)
 * @param maxTokens the most tokens to generate
 * @param temperature sampling temperature, 0 for the most deterministic
 * @param settings the agent's settings
 */
public record TextRequest(UUID agentId, Purpose purpose, ModelClass modelClass, String system, List<ChatTurn> history,
                          String prompt, int maxTokens, double temperature, ProviderSettings settings) {

    /** Copies the history. */
    public TextRequest {
        history = List.copyOf(history);
    }

    /** What a text is for. */
    public enum Purpose {
        /** The agent's answer to {@code prompt}, the latest message of the conversation in {@code history}. */
        REPLY,
        /** A short title (a few words) for the conversation in {@code history}. */
        TITLE
    }
}
