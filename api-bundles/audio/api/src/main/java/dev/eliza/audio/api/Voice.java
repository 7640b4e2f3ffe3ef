package dev.eliza.audio.api;

/**
 * A voice a provider speaks with.
 *
 * @param id what to pass as {@code voice}
 * @param name a readable name
 * @param language its language tag ({@code en-us}), empty when any
 * @param gender {@code male}, {@code female} or empty
 */
public record Voice(String id, String name, String language, String gender) {
}
