package dev.eliza.sdk;

/**
 * A text's embedding from a {@link ModelProviderExtension}.
 *
 * @param vector the vector
 * @param model the model that made it
 */
public record EmbeddedText(float[] vector, String model) {
}
