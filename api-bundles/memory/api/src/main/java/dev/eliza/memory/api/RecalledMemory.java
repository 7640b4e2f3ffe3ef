package dev.eliza.memory.api;

/**
 * A memory found by similarity.
 *
 * @param memory the memory
 * @param similarity the cosine similarity of its embedding to the query's, from -1 to 1
 */
public record RecalledMemory(Memory memory, double similarity) {
}
