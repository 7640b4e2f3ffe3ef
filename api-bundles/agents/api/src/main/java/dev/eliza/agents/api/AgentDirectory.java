package dev.eliza.agents.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The registry of agents, persisted in PostgreSQL. Secrets in a character ({@code settings.secrets} and
 * {@code secrets}) are encrypted before they are stored and are never handed out in clear, except to the agent
 * runtime through {@link #secrets(UUID)}.
 */
public interface AgentDirectory {

    /** Every agent, oldest first. */
    List<Agent> list();

    /** How many agents exist. */
    long count();

    /** The agent with this id, if any. */
    Optional<Agent> find(UUID id);

    /**
     * Whether an agent with this id exists: the check a route makes on every request, which a directory may answer
     * from what it holds in memory for {@link #list()} (an agent it does not hold is still looked up).
     */
    default boolean exists(UUID id) {
        return find(id).isPresent();
    }

    /**
     * Stores a new agent from a character, or replaces the character of the agent with the character's
     * {@code id} (as ElizaOS does).
     *
     * @throws InvalidCharacterException when the character is not valid
     */
    Agent create(ObjectNode character);

    /**
     * Merges {@code changes} into the agent's character (objects merged key by key, a {@code null} removes a
     * key) and stores the result if it is valid; {@code enabled} at the top level sets the agent's flag.
     *
     * @throws InvalidCharacterException when the result would not be valid
     */
    Optional<Agent> update(UUID id, ObjectNode changes);

    /** Removes the agent; {@code false} if there was none. */
    boolean delete(UUID id);

    /** The agent's secrets in clear, for the runtime that runs it. */
    Map<String, String> secrets(UUID id);

    /**
     * Records whether the agent should be running, so the runtime starts it again after a restart; {@code false}
     * if there is no such agent.
     */
    boolean markActive(UUID id, boolean active);

    /**
     * The agents that should be running, oldest first, as this node last heard: a start or stop made on another node
     * a moment ago may not show yet (see {@link #shouldRun}).
     */
    List<UUID> activeIds();

    /**
     * Whether the agent should be running: yes when {@link #activeIds()} has it, else as the database says now, so
     * that an agent just started on another node counts at once.
     */
    default boolean shouldRun(UUID id) {
        return activeIds().contains(id);
    }
}
