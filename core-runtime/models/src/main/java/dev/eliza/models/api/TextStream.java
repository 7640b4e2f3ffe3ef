package dev.eliza.models.api;

/** Receives the pieces of a text as the provider produces them, in order, on the calling thread. */
@FunctionalInterface
public interface TextStream {

    /** One more piece of the text. */
    void next(String chunk);

    /** A stream that drops every piece. */
    static TextStream ignore() {
        return chunk -> { };
    }
}
