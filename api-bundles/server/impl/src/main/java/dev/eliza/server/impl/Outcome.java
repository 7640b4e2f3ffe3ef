package dev.eliza.server.impl;

/**
 * The {@code {"success":true,"message":...}} answer of ElizaOS write routes, fields in wire order.
 *
 * @param success always {@code true}; failures are thrown as exceptions
 * @param message what happened
 */
record Outcome(boolean success, String message) {
    static Outcome of(String message) {
        return new Outcome(true, message);
    }
}
