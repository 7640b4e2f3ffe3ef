package dev.eliza.models.api;

/**
 * One earlier message of the conversation.
 *
 * @param role who spoke
 * @param name the speaker's display name (empty for none)
 * @param text what was said
 */
public record ChatTurn(Role role, String name, String text) {

    /** The side of the conversation a turn is from. */
    public enum Role {
        /** A person (or another agent) talking to the agent. */
        USER,
        /** The agent itself. */
        ASSISTANT
    }
}
