package dev.eliza.models.api;

/**
 * A text's embedding.
 *
 * @param vector the vector (its length is the model's dimension, 384 for the offline all-MiniLM-L6-v2)
 * @param model the model that made it
 */
public record Embedding(float[] vector, String model) {

    /** The vector's length. */
    public int dimensions() {
        return vector.length;
    }
}
