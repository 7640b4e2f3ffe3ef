package dev.eliza.models.api;

/**
 * The generated text and what it cost.
 *
 * @param text the whole text
 * @param model the model that made it, as the provider names it
 * @param promptTokens tokens read (an estimate where the provider does not say)
 * @param completionTokens tokens written (an estimate where the provider does not say)
 */
public record TextResult(String text, String model, int promptTokens, int completionTokens) {
}
