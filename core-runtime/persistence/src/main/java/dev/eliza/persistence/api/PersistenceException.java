package dev.eliza.persistence.api;

/** The database could not do what was asked (unreachable, migration failed, statement failed). */
public class PersistenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public PersistenceException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
