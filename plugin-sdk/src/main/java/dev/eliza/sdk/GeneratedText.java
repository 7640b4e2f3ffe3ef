package dev.eliza.sdk;

/**
 * The text a {@link ModelProviderExtension} generated and what it cost.
 *
 * @param text the whole text
 * @param model the model that made it
 * @param promptTokens tokens read (an estimate where the model does not say)
 * @param completionTokens tokens written (an estimate where the model does not say)
 */
public record GeneratedText(String text, String model, int promptTokens, int completionTokens) {
}
