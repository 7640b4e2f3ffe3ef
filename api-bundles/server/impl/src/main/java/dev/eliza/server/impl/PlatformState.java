package dev.eliza.server.impl;

import java.time.Instant;
import java.util.Optional;

import dev.eliza.platform.logging.LogBuffer;

/** What the server and system routes report about the running platform. */
interface PlatformState {

    /** The number of agents, or empty while the agents domain is not running. */
    Optional<Long> agentCount();

    /** The index memory searches run on ({@code pgvector}, {@code in-memory}), or empty while memory is away. */
    Optional<String> memorySearchIndex();

    /** Whether the database answered a real query just now. */
    boolean databaseHealthy();

    /** Whether start-up is over: every domain that was to start has mounted its routes. */
    boolean routesReady();

    boolean authRequired();

    Instant startedAt();

    /** This server's own version. */
    String serverVersion();

    Optional<LogBuffer> logs();

    /** Stops the whole platform shortly after the current response is sent. */
    void stopPlatform();
}
