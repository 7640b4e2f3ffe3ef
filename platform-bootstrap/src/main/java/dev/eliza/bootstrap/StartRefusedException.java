package dev.eliza.bootstrap;

/** A start refused for a reason the message names fully (a bad character file): logged without a stack trace. */
final class StartRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    StartRefusedException(String message) {
        super(message);
    }
}
