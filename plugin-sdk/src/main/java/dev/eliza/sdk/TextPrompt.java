package dev.eliza.sdk;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an agent asks a {@link ModelProviderExtension} for.
 *
 * @param agentId the agent asking
 * @param purpose what the text is for
 * @param size which of the provider's models to use, as ElizaOS's {@code TEXT_SMALL} and {@code TEXT_LARGE}
 * @param system the system prompt composed from the character
 * @param history earlier turns of the conversation, oldest first
 * @param prompt the message to answer, or the whole task for a one-shot request (a title)
 * @param maxTokens the most tokens to generate
 * @param temperature sampling temperature, 0 for the most deterministic
 * @param settings the agent's settings by ElizaOS name (the character's secrets and settings, then the
 *                 environment); they may hold keys, so never log them
 */
public record TextPrompt(UUID agentId, Purpose purpose, Size size, String system, List<Turn> history, String prompt,
                         int maxTokens, double temperature, Map<String, String> settings) {

    /** Copies the history and settings. */
    public TextPrompt {
        history = List.copyOf(history);
        settings = Map.copyOf(settings);
    }

    /** Hides the settings, which may be keys. */
    @Override
    public String toString() {
        return "TextPrompt[" + agentId + ", " + purpose + ", " + size + ", " + history.size() + " turns]";
    }

    /** What a text is for. */
    public enum Purpose {
        /** The agent's answer to {@code prompt}. */
        REPLY,
        /** A short title for the conversation in {@code history}. */
        TITLE
    }

    /** Which model. */
    public enum Size {
        /** A fast, cheap model. */
        SMALL,
        /** The best model. */
        LARGE
    }

    /**
     * One earlier message of the conversation.
     *
     * @param byAgent whether the agent itself said it
     * @param name the speaker's display name (empty for none)
     * @param text what was said
     */
    public record Turn(boolean byAgent, String name, String text) {
    }
}
