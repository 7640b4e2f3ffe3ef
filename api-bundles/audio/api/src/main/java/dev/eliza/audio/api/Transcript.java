package dev.eliza.audio.api;

/**
 * What was heard in an audio file.
 *
 * @param text the words, empty when nothing was recognized
 */
public record Transcript(String text) {
}
