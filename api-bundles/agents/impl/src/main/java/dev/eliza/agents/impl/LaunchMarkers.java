package dev.eliza.agents.impl;

/** Marks what the server did once for the life of a database, such as creating the default agent. */
interface LaunchMarkers {

    /** {@code true} for the first caller ever with this name, {@code false} for every later one. */
    boolean claim(String name);
}
