package dev.eliza.agents.api;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored agent: its character (with every secret encrypted) and the server-side facts about it.
 *
 * @param id the agent's id
 * @param enabled whether the agent may be started
 * @param createdAt creation time, epoch milliseconds
 * @param updatedAt last change, epoch milliseconds
 * @param character the character as stored: known and unknown fields, secrets encrypted
 */
public record Agent(UUID id, boolean enabled, long createdAt, long updatedAt, ObjectNode character) {

    /** The character's name. */
    public String name() {
        return character.path("name").asText();
    }

    /** A defensive copy, so callers cannot change what the directory holds. */
    @Override
    public ObjectNode character() {
        return character.deepCopy();
    }
}
