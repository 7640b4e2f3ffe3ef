package dev.eliza.agents.api;

/** A character that breaks the rules: no name, a bio that is neither text nor a list of texts, and so on. */
public class InvalidCharacterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A rejection described by {@code message} (for example {@code name: expected string}). */
    public InvalidCharacterException(String message) {
        super(message);
    }
}
