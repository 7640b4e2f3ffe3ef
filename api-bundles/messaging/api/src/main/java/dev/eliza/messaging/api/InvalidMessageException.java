package dev.eliza.messaging.api;

/** A message that cannot be posted as it is: no text, text too long, a field of the wrong type. */
public class InvalidMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A rejection described by {@code message}, shown to the client. */
    public InvalidMessageException(String message) {
        super(message);
    }
}
