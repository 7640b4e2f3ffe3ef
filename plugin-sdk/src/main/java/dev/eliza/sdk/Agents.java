package dev.eliza.sdk;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the server's agents. Secrets are never included. Each method throws
 * {@link PlatformUnavailableException} while the agents module is not running.
 */
public interface Agents {

    /** Every agent, oldest first. */
    List<AgentInfo> list();

    /** The agent with this id, if it exists. */
    Optional<AgentInfo> find(UUID id);
}
